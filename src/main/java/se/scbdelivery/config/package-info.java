/**
 * The settings ({@code scb.*}) and SCB's environments they name, the clock, and what the
 * console shows.
 */
@NullMarked
package se.scbdelivery.config;

import org.jspecify.annotations.NullMarked;
