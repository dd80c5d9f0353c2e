package io.shotplan.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Basic clients pay bcrypt once per password, however many of them start at once; a wrong one always pays. */
class RememberingEncoderTest {

    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final AtomicInteger checks = new AtomicInteger();
    final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            try {
                Thread.sleep(200); // as long as a real check takes at strength 12, so that the clients overlap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return bcrypt.matches(raw, encoded);
        }
    };
    final PasswordConfig.RememberingEncoder encoder = new PasswordConfig.RememberingEncoder(counting, 100);

    @Test
    void manyClientsStartingAtOnceWithOnePasswordCostOneCheck() throws Exception {
        String hash = bcrypt.encode("s3cret-password");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Future<Boolean>> answers = IntStream.range(0, 20).mapToObj(i -> clients.submit(() -> {
                start.await();
                return encoder.matches("s3cret-password", hash);
            })).toList();
            start.countDown();
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(checks).hasValue(1);
        assertThat(encoder.matches("s3cret-password", hash)).isTrue();
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverRemembered() {
        String hash = bcrypt.encode("s3cret-password");
        assertThat(encoder.matches("wrong-password", hash)).isFalse();
        assertThat(encoder.matches("wrong-password", hash)).isFalse();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aChangedPasswordHashNoLongerMatchesTheRememberedPassword() {
        String before = bcrypt.encode("s3cret-password");
        assertThat(encoder.matches("s3cret-password", before)).isTrue();
        String after = bcrypt.encode("another-password");
        assertThat(encoder.matches("s3cret-password", after)).isFalse();
    }
}
