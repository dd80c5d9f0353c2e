package io.shotplan.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import org.junit.jupiter.api.Test;

/** Charts draw their labels with the reports' own fonts, whatever fonts the server has. */
class ChartTypefaceTest {

    @Test
    void eachLabelTakesTheFontThatDrawsIt() {
        Font greek = ChartTypeface.forText("Σύνθεση", 12f);
        Font japanese = ChartTypeface.forText("コンポジット", 12f);

        assertThat(greek.getFamily()).isEqualTo("DejaVu Sans");
        assertThat(japanese.getFamily()).isEqualTo("Droid Sans Fallback");
        assertThat(japanese.canDisplayUpTo("コンポジット")).isEqualTo(-1);
        assertThat(greek.canDisplayUpTo("コンポジット")).isZero();   // why the fallback is needed
        assertThat(ChartTypeface.forText("Roto", 10f).getSize2D()).isEqualTo(10f);
    }
}
