package org.entente.simulate;

/**
 * The offer a receiver accepted in a round.
 *
 * @param receiver the actor who moves
 * @param challenger the actor whose offer it accepted
 * @param type the kind of offer
 * @param from the receiver's position before the round
 * @param to its position after
 * @param a the receiver's expected utility of challenging the challenger, E^i(U_ij)
 * @param b the challenger's expected utility of challenging the receiver, from the perspective the
 *     options name
 */
public record Move(
    String receiver,
    String challenger,
    OfferType type,
    double from,
    double to,
    double a,
    double b) {}
