package io.onboarding.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellsTests {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+49 89 123", "-2", "@SUM(A1)", "\tx", "\rx"})
    void aCellAFormulaCouldStartWithIsTurnedIntoTextAndBack(String hostile) {
        String written = SpreadsheetCells.neutralise(hostile);

        assertThat(written).isEqualTo("'" + hostile);
        assertThat(SpreadsheetCells.restore(written)).isEqualTo(hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.de", "Jürgen Weiß", "C0123456", "a=b", " =x", "'quoted'", "O'Brien", "'"})
    void anOrdinaryCellIsUnchangedEitherWay(String cell) {
        assertThat(SpreadsheetCells.neutralise(cell)).isEqualTo(cell);
        assertThat(SpreadsheetCells.restore(cell)).isEqualTo(cell);
    }

    @Test
    void aMissingCellIsWrittenEmpty() {
        assertThat(SpreadsheetCells.neutralise(null)).isEmpty();
        assertThat(SpreadsheetCells.neutralise("")).isEmpty();
    }
}
