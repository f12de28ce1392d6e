package io.onboarding.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellTests {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+49 89 123", "-2", "@SUM(A1)", "\tx", "\rx"})
    void aCellAFormulaCouldStartWithIsTurnedIntoText(String hostile) {
        assertThat(SpreadsheetCell.neutralise(hostile)).isEqualTo("'" + hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.de", "Jürgen Weiß", "C0123456", "a=b", " =x"})
    void anOrdinaryCellIsUnchanged(String cell) {
        assertThat(SpreadsheetCell.neutralise(cell)).isEqualTo(cell);
    }

    @org.junit.jupiter.api.Test
    void aMissingCellIsEmpty() {
        assertThat(SpreadsheetCell.neutralise(null)).isEmpty();
        assertThat(SpreadsheetCell.neutralise("")).isEmpty();
    }
}
