package org.aems.core.brokerauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    // Written by mosquitto_passwd 2.0.11 (`mosquitto_passwd -b pw alice secret-pass`, then bob).
    static final String ALICE = "$7$101$HqduKCcowERlfaj4$Hf9kq4w9URh8yZ/Kv8M/AFwup+bXUmgMuwIMWS0ekrYhATebzelmnI+nrlvxOJIHs9wr/VARmW9GMFWkGpKVnw==";
    static final String BOB = "$7$101$Tq9cbjFkwdI0Yqrd$lo3QKQflbm6jEB3z/e3a6vATtzeJuJ55DxYDGGM+BXumQxx1nuhHEyPcDlze7hlHm0M2JVqFBcapkR3Lhk3eCQ==";

    @Test
    void verifiesHashesWrittenByMosquittoPasswd() {
        assertThat(PasswordHash.parse(ALICE).matches("secret-pass")).isTrue();
        assertThat(PasswordHash.parse(ALICE).matches("secret-pasS")).isFalse();
        // mosquitto_passwd hashes the UTF-8 bytes; so do we.
        assertThat(PasswordHash.parse(BOB).matches("pässwörd-電力")).isTrue();
    }

    @Test
    void formatsExactlyTheStringItParsed() {
        assertThat(PasswordHash.parse(ALICE).format()).isEqualTo(ALICE);
        assertThat(PasswordHash.parse(ALICE).iterations()).isEqualTo(101);
        assertThat(PasswordHash.parse(ALICE).salt()).hasSize(12);
    }

    @Test
    void aNewHashHasMosquittosLayoutAndAFreshSalt() {
        SecureRandom random = new SecureRandom();
        PasswordHash one = PasswordHash.create("p", random);
        PasswordHash two = PasswordHash.create("p", random);
        assertThat(one.format()).matches("\\$7\\$101\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}==");
        assertThat(one).isNotEqualTo(two);
        assertThat(one.matches("p")).isTrue();
        assertThat(PasswordHash.parse(one.format()).matches("p")).isTrue();
    }

    /** The live check: the mosquitto_passwd on this machine (CI installs mosquitto) writes hashes we verify. */
    @Test
    void verifiesWhatTheInstalledMosquittoPasswdWritesNow() throws Exception {
        Path file = Files.createTempFile("aems-passwd", ".txt");
        try {
            Process p = new ProcessBuilder("mosquitto_passwd", "-b", file.toString(), "gw-1", "Zm9v-bar_42").redirectErrorStream(true).start();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
            String line = Files.readString(file).trim();
            assertThat(line).startsWith("gw-1:$7$");
            PasswordHash hash = PasswordHash.parse(line.substring("gw-1:".length()));
            assertThat(hash.matches("Zm9v-bar_42")).isTrue();
            assertThat(hash.matches("Zm9v-bar_43")).isFalse();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void refusesOtherHashFormats() {
        assertThatThrownBy(() -> PasswordHash.parse("$6$abc$def")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.parse("plain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.parse("$7$101$!!$AA==")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIssuedPasswordIsLongRandomAndNeverPrinted() {
        IssuedPassword issued = IssuedPassword.generate("site-1", new SecureRandom());
        assertThat(issued.password()).matches("[A-Za-z0-9_-]{32}");
        assertThat(issued.toString()).doesNotContain(issued.password());
        assertThat(issued.hash(new SecureRandom()).matches(issued.password())).isTrue();
    }
}
