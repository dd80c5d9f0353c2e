package io.shotplan.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServePropertiesTest {

    @Test
    void portAndBindBecomeServerSettingsAndServeRunsOneWorker() {
        assertThat(ShotplanApplication.serveProperties(new String[] {"serve", "--port", "8081", "--bind=127.0.0.1"}))
                .containsEntry("server.port", "8081")
                .containsEntry("server.address", "127.0.0.1")
                .containsEntry("shotplan.generation.workers", "1");
        assertThat(ShotplanApplication.serveProperties(new String[] {"serve", "--port=9000"}))
                .containsEntry("server.port", "9000")
                .doesNotContainKey("server.address");
    }
}
