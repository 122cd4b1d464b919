package org.entente.cameo;

/**
 * One CAMEO event code from the bundled table.
 *
 * @param code the code as a string with leading zeros kept ({@code "010"} ≠ {@code "10"})
 * @param root the two-digit root code
 * @param goldstein Goldstein (1992) conflict–cooperation weight, −10..+10
 * @param quad quad class under the GDELT mapping
 * @param name the codebook's name of the event type
 */
public record CameoEventType(String code, String root, double goldstein, int quad, String name) {}
