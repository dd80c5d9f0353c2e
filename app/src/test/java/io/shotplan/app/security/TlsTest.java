package io.shotplan.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * TLS from a PEM key and certificate through an SSL bundle, as the README shows it: the server speaks HTTPS with
 * that certificate and the session cookie is Secure. (The key and self-signed certificate are test files only.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shotplan.cli.enabled=false", "shotplan.security.bcrypt-strength=4", "server.address=127.0.0.1",
        "shotplan.generation.workers=0", "shotplan.generation.sample-plate-width=0",
        "server.ssl.bundle=web",
        "spring.ssl.bundle.pem.web.keystore.certificate=classpath:tls/test-cert.pem",
        "spring.ssl.bundle.pem.web.keystore.private-key=classpath:tls/test-key.pem",
        "spring.datasource.url=jdbc:h2:mem:tls;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password="})
class TlsTest {

    @LocalServerPort
    int port;

    @Test
    void theServerSpeaksHttpsAndItsSessionCookieIsSecure() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting("tls/test-cert.pem")).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/login"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("; Secure").contains("HttpOnly"));
    }

    private static SSLContext trusting(String certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = TlsTest.class.getClassLoader().getResourceAsStream(certificate)) {
            trusted.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
