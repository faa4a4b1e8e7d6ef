/**
 * SCB's inbox layout, {@code {org}/{program}/{period}/{format}/[{version}/]{file}}.
 */
@NullMarked
package se.scbdelivery.scan;

import org.jspecify.annotations.NullMarked;
