package org.aems.ingest.brokerauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.brokerauth.IssuedPassword;
import org.aems.core.brokerauth.PasswordHash;
import org.aems.core.grid.SiteId;
import org.aems.testing.MosquittoProcess;
import org.aems.testing.MqttProbe;
import org.aems.testing.TestInfrastructure;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * #7, the option "TLS with client certificates": docker/mosquitto/mtls-listener.conf on a real Mosquitto 2.0.11, with
 * certificates made by openssl for this run. The certificate's CN is the username, so the rendered acl_file (and the
 * dynamic-security roles) confine a gateway to its own site exactly as with a password. A certificate of another CA,
 * or none, fails the TLS handshake before MQTT starts, so no CONNACK is ever sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCertificateIT {

    // Observed on Mosquitto 2.0.11.
    static final int NO_MATCHING_SUBSCRIBERS = 0x10;
    static final int NOT_AUTHORIZED = 0x87;
    static final int ADMINISTRATIVE_ACTION = 0x98;
    /** Paho's MqttClientException.REASON_CODE_CONNECTION_LOST: no CONNACK, the TLS handshake failed. */
    static final int CONNECTION_LOST = MqttClientException.REASON_CODE_CONNECTION_LOST;

    final SecureRandom random = new SecureRandom();
    final String prefix = "mtls" + UUID.randomUUID().toString().substring(0, 6);
    final String a = prefix + "-a";
    final String b = prefix + "-b";
    final String c = prefix + "-c";
    final String d = prefix + "-d";
    Path pki;
    MosquittoProcess aclBroker;
    int aclPort;
    MosquittoProcess dynsecBroker;
    int dynsecTlsPort;
    IssuedPassword admin;

    @BeforeAll
    void start() throws Exception {
        pki = Files.createTempDirectory("aems-pki");
        ca("ca", "AEMS gateway CA (test)");
        ca("other", "Another CA (test)");
        leaf("server", "localhost", "ca", "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        for (String site : List.of(a, b, c, d)) {
            leaf(site, site, "ca", "extendedKeyUsage=clientAuth\n");
        }
        leaf("foreign", a, "other", "extendedKeyUsage=clientAuth\n"); // claims site a, signed by another CA
        Files.writeString(pki.resolve("ca.cnf"), "[ca]\ndefault_ca = gateways\n[gateways]\ndatabase = " + pki.resolve("index.txt")
                + "\ncrlnumber = " + pki.resolve("crlnumber") + "\ndefault_md = sha256\ndefault_crl_days = 1\n");
        Files.writeString(pki.resolve("index.txt"), "");
        Files.writeString(pki.resolve("crlnumber"), "01\n");
        openssl("ca", "-config", "ca.cnf", "-gencrl", "-keyfile", "ca.key", "-cert", "ca.crt", "-out", "ca.crl");

        List<BrokerCredential> accounts = List.of(account(a), account(b), account(c), account(d));
        String acl = MosquittoFiles.aclFile(accounts);
        aclBroker = MosquittoProcess.startWith((port, dir) -> {
            aclPort = port;
            write(dir.resolve("acl"), acl);
            return listener(port) + "allow_anonymous false\nacl_file " + dir.resolve("acl") + "\nuser root\nlog_dest file "
                    + dir.resolve("mosquitto.log") + "\nlog_type all\n";
        });

        admin = IssuedPassword.generate("aems-admin", random);
        // Only a has a client entry in the plugin; b's certificate is valid, but the plugin knows no such username.
        String initial = DynamicSecurityJson.initialConfig(admin.username(), admin.hash(random), List.of(account(a)));
        dynsecBroker = MosquittoProcess.startWith((adminPort, dir) -> {
            dynsecTlsPort = TestInfrastructure.freePort();
            write(dir.resolve("dynamic-security.json"), initial);
            // The plain listener is the admin's (AEMS manages the plugin over $CONTROL with a password).
            return "listener " + adminPort + " 127.0.0.1\n" + listener(dynsecTlsPort) + "allow_anonymous false\nplugin "
                    + MosquittoProcess.DYNAMIC_SECURITY_PLUGIN + "\nplugin_opt_config_file " + dir.resolve("dynamic-security.json")
                    + "\nuser root\nlog_dest file " + dir.resolve("mosquitto.log") + "\nlog_type all\n";
        });
    }

    @AfterAll
    void stop() throws Exception {
        if (aclBroker != null) {
            aclBroker.close();
        }
        if (dynsecBroker != null) {
            dynsecBroker.close();
        }
    }

    @Test
    void aCertificatesCnIsTheUsernameTheAclFileConfines() throws Exception { // #7
        try (MqttProbe gateway = tls(aclPort, sslFor(a), a + "-ignored", "ignored")) {
            assertThat(gateway.publish(BrokerAuthFixture.telemetry(a), "x")).isEqualTo(NO_MATCHING_SUBSCRIBERS);
            assertThat(gateway.publish(BrokerAuthFixture.telemetry(b), "x")).isEqualTo(NOT_AUTHORIZED);
            assertThat(gateway.publish("aems/v1/sites/" + a + "/commands", "x")).isEqualTo(NOT_AUTHORIZED);
        }
        // A username in CONNECT does not override the certificate: b's certificate claiming to be a is still b.
        try (MqttProbe claimsA = tls(aclPort, sslFor(b), a, "ignored")) {
            assertThat(claimsA.publish(BrokerAuthFixture.telemetry(a), "x")).isEqualTo(NOT_AUTHORIZED);
            assertThat(claimsA.publish(BrokerAuthFixture.telemetry(b), "x")).isEqualTo(NO_MATCHING_SUBSCRIBERS);
        }
    }

    @Test
    void aCertificateOfAnotherCaFailsTheHandshake() throws Exception { // #7
        // Paho reports the broker's TLS alert as a lost connection (32109) caused by the handshake exception.
        assertThat(refusal(sslFor("foreign"))).isEqualTo(CONNECTION_LOST + " javax.net.ssl.SSLHandshakeException: Received fatal alert: unknown_ca");
    }

    @Test
    void noClientCertificateFailsTheHandshake() throws Exception { // #7
        assertThat(refusal(sslFor(null))).isEqualTo(CONNECTION_LOST + " javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_required");
    }

    @Test
    void aRevokedCertificateIsRefusedOnceTheCrlIsReloadedButItsOpenConnectionStays() throws Exception { // #7
        try (MqttProbe before = tls(aclPort, sslFor(c), null, null)) {
            openssl("ca", "-config", "ca.cnf", "-revoke", c + ".crt", "-keyfile", "ca.key", "-cert", "ca.crt");
            openssl("ca", "-config", "ca.cnf", "-gencrl", "-keyfile", "ca.key", "-cert", "ca.crt", "-out", "ca.crl");
            reload(aclBroker);

            assertThat(refusal(sslFor(c))).isEqualTo(CONNECTION_LOST + " javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_revoked");
            assertThat(connectsWith(aclPort, sslFor(a))).isTrue();
            // TLS checked the certificate once, at the handshake: the connection made before the CRL keeps publishing.
            assertThat(before.publish(BrokerAuthFixture.telemetry(c), "x")).isEqualTo(NO_MATCHING_SUBSCRIBERS);
        }
    }

    @Test
    void removingTheUsernamesAclBlockDeniesItsOpenConnectionAfterSighup() throws Exception { // #7
        try (MqttProbe gateway = tls(aclPort, sslFor(d), null, null)) {
            assertThat(gateway.publish(BrokerAuthFixture.telemetry(d), "x")).isEqualTo(NO_MATCHING_SUBSCRIBERS);
            write(aclBroker.dir().resolve("acl"), MosquittoFiles.aclFile(List.of(account(a), account(b), account(c))));
            reload(aclBroker);

            assertThat(gateway.publish(BrokerAuthFixture.telemetry(d), "x")).isEqualTo(NOT_AUTHORIZED);
            assertThat(gateway.isConnected()).isTrue();
        }
        // The certificate still logs in (CONNACK 0), to a username with no rights.
        assertThat(connectsWith(aclPort, sslFor(d))).isTrue();
    }

    @Test
    void withTheDynamicSecurityPluginACertificateNeedsAClientEntryOfItsUsername() throws Exception { // #7
        try (MqttProbe gatewayA = tls(dynsecTlsPort, sslFor(a), null, null);
             MqttProbe gatewayB = tls(dynsecTlsPort, sslFor(b), null, null)) {
            assertThat(gatewayA.publish(BrokerAuthFixture.telemetry(a), "x")).isEqualTo(NO_MATCHING_SUBSCRIBERS);
            assertThat(gatewayA.publish(BrokerAuthFixture.telemetry(b), "x")).isEqualTo(NOT_AUTHORIZED);
            // b connects (the plugin is not asked at CONNECT), but without an entry it gets the defaults: nothing.
            assertThat(gatewayB.publish(BrokerAuthFixture.telemetry(b), "x")).isEqualTo(NOT_AUTHORIZED);
            assertThat(gatewayB.subscribe("aems/v1/sites/" + b + "/commands")).isEqualTo(NOT_AUTHORIZED);

            try (DynamicSecurityClient dynsec = new DynamicSecurityClient(
                    new DynamicSecuritySettings(dynsecBroker.url(), admin.username(), admin.password(), null))) {
                dynsec.revoke(new BrokerIdentity.Gateway(SiteId.of(a)));
            }
            // Deleting the entry drops the certificate's connection at once, as it does a password's.
            assertThat(gatewayA.disconnectedWith.get(5, TimeUnit.SECONDS)).isEqualTo(ADMINISTRATIVE_ACTION);
        }
        try (MqttProbe again = tls(dynsecTlsPort, sslFor(a), null, null)) {
            assertThat(again.publish(BrokerAuthFixture.telemetry(a), "x")).isEqualTo(NOT_AUTHORIZED);
        }
    }

    // ---- the broker --------------------------------------------------------------------------------------------------

    /** The repository's listener block with this test's port and certificate paths. */
    String listener(int port) {
        try {
            StringBuilder out = new StringBuilder();
            for (String line : Files.readAllLines(Path.of("..", "docker", "mosquitto", "mtls-listener.conf"))) {
                if (line.startsWith("listener ")) {
                    out.append("listener ").append(port).append(" 127.0.0.1\n");
                } else {
                    out.append(line.replace("/mosquitto/certs/gateway-ca.", pki + "/ca.").replace("/mosquitto/certs/", pki + "/"))
                            .append('\n');
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGHUP: Mosquitto rereads its acl_file and the listener's CRL. Returns once the broker logged the reload. */
    static void reload(MosquittoProcess broker) throws Exception {
        Path log = broker.dir().resolve("mosquitto.log");
        long before = reloads(log);
        String conf = broker.dir().resolve("mosquitto.conf").toString();
        // This test's own broker, found by its config file (MosquittoProcess does not expose the pid).
        ProcessHandle mosquitto = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(conf)).orElse(false))
                .findFirst().orElseThrow();
        assertThat(new ProcessBuilder("kill", "-HUP", Long.toString(mosquitto.pid())).start().waitFor()).isZero();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (reloads(log) == before) {
            assertThat(System.nanoTime()).as("mosquitto logs 'Reloading config.'").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    static long reloads(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains("Reloading config.")).count();
    }

    /** How Paho's connect with {@code ssl} to the acl_file broker fails: its reason code and the root cause. */
    String refusal(SSLSocketFactory ssl) {
        try (MqttProbe ignored = tls(aclPort, ssl, a, "ignored")) {
            return "connected";
        } catch (MqttException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return e.getReasonCode() + " " + root;
        }
    }

    // ---- certificates ------------------------------------------------------------------------------------------------

    static BrokerCredential account(String site) {
        return new BrokerCredential(new BrokerIdentity.Gateway(SiteId.of(site)), PasswordHash.create(UUID.randomUUID().toString(),
                new SecureRandom()), Instant.now(), "it", null, null, null, null);
    }

    void ca(String name, String cn) throws Exception {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1", "-subj", "/CN=" + cn,
                "-keyout", name + ".key", "-out", name + ".crt");
    }

    /** A key and a certificate with {@code cn} signed by {@code ca}, and the pair as PKCS#12 for Java. */
    void leaf(String name, String cn, String ca, String extensions) throws Exception {
        write(pki.resolve(name + ".ext"), extensions);
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=" + cn,
                "-keyout", name + ".key", "-out", name + ".csr");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key", "-CAcreateserial", "-days", "1",
                "-extfile", name + ".ext", "-out", name + ".crt");
        openssl("pkcs12", "-export", "-inkey", name + ".key", "-in", name + ".crt", "-name", "gateway", "-passout", "pass:changeit",
                "-out", name + ".p12");
    }

    void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(pki.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s:%n%s", command, output).isZero();
    }

    /** Trusts the test CA (for the server's certificate); presents {@code name}'s certificate, or none if null. */
    SSLSocketFactory sslFor(String name) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pki.resolve("ca.crt"))) {
            trust.setCertificateEntry("aems-gateway-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        if (name == null) {
            keys.load(null, null);
        } else {
            try (InputStream in = new FileInputStream(pki.resolve(name + ".p12").toFile())) {
                keys.load(in, "changeit".toCharArray());
            }
        }
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), random);
        return context.getSocketFactory();
    }

    static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- a Paho v5 client over ssl:// ---------------------------------------------------------------------------------

    /** A Paho client over TLS to the broker on {@code port}; a username and password, if given, go in CONNECT too. */
    private static MqttProbe tls(int port, SSLSocketFactory ssl, String username, String password) throws MqttException {
        return MqttProbe.connect("ssl://127.0.0.1:" + port, ssl, username, password);
    }

    private static boolean connectsWith(int port, SSLSocketFactory ssl) throws MqttException {
        try (MqttProbe ignored = tls(port, ssl, null, null)) {
            return true;
        }
    }
}
