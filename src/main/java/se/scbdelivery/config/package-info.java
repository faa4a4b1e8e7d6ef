/**
 * The settings ({@code scb.*}), the clock, and what the console shows.
 */
@NullMarked
package se.scbdelivery.config;

import org.jspecify.annotations.NullMarked;
