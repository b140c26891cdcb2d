package org.aems.core.grid;

/** Who buys a site's surplus PV. */
public enum BuybackStatus {
    /** Still under the 10-year feed-in tariff. */
    FIT,
    /** 卒FIT: the FIT ended and this platform's retailer buys the surplus. */
    SOTSU_FIT_OURS,
    /** 卒FIT, sold to another retailer. */
    OTHER_BUYER,
    /** No PV export contract. */
    NONE
}
