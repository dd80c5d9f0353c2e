package io.shotplan.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServePropertiesTest {

    @Test
    void portAndBindBecomeServerSettingsAndServeRunsOneWorker() {
        assertThat(ShotplanApplication.defaultProperties(new String[] {"serve", "--port", "8081", "--bind=0.0.0.0"}))
                .containsEntry("server.port", "8081")
                .containsEntry("server.address", "0.0.0.0")
                .containsEntry("shotplan.generation.workers", "1");
        assertThat(ShotplanApplication.defaultProperties(new String[] {"serve", "--port=9000"}))
                .containsEntry("server.port", "9000")
                .containsEntry("server.address", "127.0.0.1"); // this machine only unless --bind says otherwise
    }

    @Test
    void serveRendersInProcessAndOtherCommandsStartTheirOwnWorkers() {
        assertThat(ShotplanApplication.defaultProperties(new String[] {"serve"})).containsEntry("shotplan.generation.workers", "1");
        // only the demo, whose example show has no plates, renders on synthetic ones without being configured to
        assertThat(ShotplanApplication.defaultProperties(new String[] {"demo"}))
                .containsExactlyEntriesOf(java.util.Map.of("shotplan.generation.sample-plate-width", "64"));
        assertThat(ShotplanApplication.defaultProperties(new String[] {"serve"}))
                .doesNotContainKey("shotplan.generation.sample-plate-width");
        assertThat(ShotplanApplication.defaultProperties(new String[] {"dispatch", "--port", "1"})).isEmpty();
        assertThat(ShotplanApplication.defaultProperties(new String[] {})).isEmpty();
    }
}
