/**
 * Raw ECHONET Lite frames of the low-voltage smart meter (class 0x0288), as home gateways forward
 * them from the B-route, turned into wire-format readings.
 *
 * <p>{@link org.aems.core.echonet.EchonetFrame} checks the frame layout,
 * {@link org.aems.core.echonet.EchonetMeterDecoder} turns the meter's properties into readings in
 * canonical units (using the {@link org.aems.core.echonet.MeterScale} of 0xE1/0xD3/0xD7), and
 * {@link org.aems.core.echonet.EchonetMessageCodec} reads the {@code aems.echonet.v1} JSON envelope
 * published on {@code aems/v1/sites/{siteId}/echonet} (docs/protocol.md).
 */
package org.aems.core.echonet;
