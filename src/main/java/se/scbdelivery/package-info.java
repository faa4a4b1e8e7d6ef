/**
 * The entry point: starts Spring Boot and runs one command of {@code cli}.
 */
@NullMarked
package se.scbdelivery;

import org.jspecify.annotations.NullMarked;
