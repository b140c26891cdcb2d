package org.aems.ingest.mqtt;

/** Sends the MQTT acknowledgement for a message whose content is committed (or whose rejection is). */
public interface Acknowledger {
    void acknowledge(InboundMessage message);
}
