package org.aems.api.alert;

/** One way an alert leaves AEMS. Throws when the alert did not get through; it is tried again later. */
interface AlertChannel {

    String name();

    void send(AlertView alert) throws Exception;
}
