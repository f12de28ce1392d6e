package io.onboarding.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The text of a CSV file, refused as soon as a cell passes {@link #MAX_CELL} characters or a row passes
 * {@link #MAX_ROW}: the parser above it holds a whole row in memory, so without a bound one very wide row or a quote
 * left open at the top of a big file would take the memory of the whole file. It follows RFC 4180 quoting to know
 * where cells and rows end, and counts lines (LF, CR LF, and the lone CR of Excel for Mac's "CSV (Macintosh)") so
 * that it can say where. It remembers where an open quote began, for the message about a quote never closed — a
 * message that must name a place, not quote the text after it (that text may hold a password).
 */
final class BoundedCsvText extends FilterReader {

    /** No Google field takes more than 255 characters; a cell four times that is not a customer's data. */
    static final int MAX_CELL = 1_000;
    /** 19 cells of 1,000 characters each fit with room to spare. */
    static final int MAX_ROW = 64 * 1024;

    private enum State { CELL_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private char[] separators;
    private State state = State.CELL_START;
    private boolean afterCarriageReturn;
    private long line = 1;
    private long rowLine = 1;
    private int column = 1;
    private int cellLength;
    private int rowLength;
    private long quoteLine;
    private int quoteColumn;

    /** @param separators what ends a cell: both candidates while the header's separator is not known yet */
    BoundedCsvText(Reader in, char... separators) {
        super(in);
        this.separators = separators.clone();
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            follow((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = 0; i < read; i++) {
            follow(buffer[offset + i]);
        }
        return read;
    }

    /** The file's separator, once its header has shown it. */
    void separator(char separator) {
        separators = new char[] {separator};
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** A place in the file: a line, and a column counted from 1. */
    record Place(long line, int column) {
    }

    /** Where the quote that is still open began; null when no quote is open. */
    Place openQuote() {
        return state == State.QUOTED ? new Place(quoteLine, quoteColumn) : null;
    }

    private void follow(char c) {
        boolean lineBreak = c == '\n' || c == '\r';
        if (c == '\n' && afterCarriageReturn) {
            // the LF of a CR LF: the line was counted at its CR
            afterCarriageReturn = false;
            return;
        }
        afterCarriageReturn = c == '\r';
        if (lineBreak) {
            line++;
        }
        switch (state) {
            case CELL_START, UNQUOTED, QUOTE_IN_QUOTED -> {
                if (lineBreak) {
                    endRow();
                    return;
                }
                if (isSeparator(c)) {
                    endCell();
                    return;
                }
                if (state == State.QUOTE_IN_QUOTED && c == '"') {
                    // a doubled quote: one quote in the cell
                    state = State.QUOTED;
                } else if (state == State.CELL_START && c == '"') {
                    state = State.QUOTED;
                    quoteLine = line;
                    quoteColumn = column;
                    rowLength++;
                    return;
                } else {
                    state = State.UNQUOTED;
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                    rowLength++;
                    return;
                }
            }
        }
        count();
    }

    private void count() {
        if (++cellLength > MAX_CELL) {
            throw new CsvFormatException("Line " + line + ": the cell in column " + column + " is longer than "
                    + String.format("%,d", MAX_CELL) + " characters (no Google field takes more than 255; is a quote "
                    + "left open?). Fix the file and run it again");
        }
        if (++rowLength > MAX_ROW) {
            throw new CsvFormatException("Line " + rowLine + ": the row is longer than " + String.format("%,d", MAX_ROW)
                    + " characters. Fix the file and run it again");
        }
    }

    private void endCell() {
        state = State.CELL_START;
        cellLength = 0;
        column++;
        rowLength++;
    }

    private void endRow() {
        state = State.CELL_START;
        cellLength = 0;
        rowLength = 0;
        column = 1;
        rowLine = line;
    }

    private boolean isSeparator(char c) {
        for (char separator : separators) {
            if (c == separator) {
                return true;
            }
        }
        return false;
    }
}
