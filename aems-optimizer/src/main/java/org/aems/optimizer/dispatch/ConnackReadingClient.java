package org.aems.optimizer.dispatch;

import java.util.Objects;
import java.util.function.IntConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A Paho client that reports the Receive Maximum of every CONNACK, automatic reconnects included. Paho keeps
 * the broker's value to itself (and refuses a publish beyond it with 32202); its automatic reconnect calls
 * {@link #connect(MqttConnectionOptions, Object, MqttActionListener)}, so wrapping that sees every CONNACK.
 */
final class ConnackReadingClient extends MqttAsyncClient {

    /** MQTT 5 §3.2.2.3.3: a CONNACK without the property means 65,535. */
    static final int RECEIVE_MAXIMUM_ABSENT = 65_535;

    private final IntConsumer onReceiveMaximum;

    ConnackReadingClient(String url, String clientId, IntConsumer onReceiveMaximum) throws MqttException {
        super(url, clientId, new MemoryPersistence());
        this.onReceiveMaximum = Objects.requireNonNull(onReceiveMaximum, "onReceiveMaximum");
    }

    @Override
    public IMqttToken connect(MqttConnectionOptions options, Object userContext, MqttActionListener callback) throws MqttException {
        return super.connect(options, userContext, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                onReceiveMaximum.accept(receiveMaximum(token.getResponseProperties()));
                if (callback != null) {
                    callback.onSuccess(token);
                }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                if (callback != null) {
                    callback.onFailure(token, exception);
                }
            }
        });
    }

    static int receiveMaximum(MqttProperties connack) {
        Integer value = connack == null ? null : connack.getReceiveMaximum();
        return value == null ? RECEIVE_MAXIMUM_ABSENT : value;
    }
}
