package org.aems.api.alert;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** POSTs the alert's JSON to a URL (chat tools, incident systems); any 2xx counts as delivered. */
final class WebhookChannel implements AlertChannel {

    private final URI url;
    private final RestClient client;

    WebhookChannel(URI url) {
        this.url = url;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(5));
        timeouts.setReadTimeout(Duration.ofSeconds(10));
        this.client = RestClient.builder().requestFactory(timeouts).build();
    }

    @Override
    public String name() {
        return "webhook " + url.getHost();
    }

    @Override
    public void send(AlertView alert) {
        client.post().uri(url).contentType(MediaType.APPLICATION_JSON).body(alert).retrieve().toBodilessEntity();
    }
}
