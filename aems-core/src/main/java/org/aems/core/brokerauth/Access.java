package org.aems.core.brokerauth;

/** What a topic rule allows: publishing to matching topics, or subscribing with a matching filter (and receiving). */
public enum Access {
    PUBLISH,
    SUBSCRIBE
}
