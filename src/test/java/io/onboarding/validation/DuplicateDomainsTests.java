package io.onboarding.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateDomainsTests {

    private final DuplicateDomains duplicates = new DuplicateDomains();

    @Test
    void firstValidOccurrenceWins() {
        assertThat(duplicates.record(2, "acme.de", true)).isEmpty();
        assertThat(duplicates.record(3, "acme.de", true)).contains(2L);
    }

    @Test
    void laterInvalidOccurrenceIsAlsoADuplicate() {
        duplicates.record(2, "acme.de", true);

        assertThat(duplicates.record(5, "acme.de", false)).contains(2L);
    }

    @Test
    void invalidFirstOccurrenceDoesNotBlockALaterValidOne() {
        assertThat(duplicates.record(2, "acme.de", false)).isEmpty();
        assertThat(duplicates.record(3, "acme.de", false)).isEmpty();
        assertThat(duplicates.record(4, "acme.de", true)).isEmpty();
        assertThat(duplicates.record(7, "acme.de", true)).contains(4L);
    }

    @Test
    void thirdOccurrenceNamesTheFirstValidLine() {
        duplicates.record(2, "acme.de", true);
        duplicates.record(3, "acme.de", true);

        assertThat(duplicates.record(9, "acme.de", true)).contains(2L);
    }

    @Test
    void otherDomainsAreIndependent() {
        duplicates.record(2, "acme.de", true);

        assertThat(duplicates.record(3, "acme.com", true)).isEmpty();
        assertThat(duplicates.record(4, "notacme.de", true)).isEmpty();
        assertThat(duplicates.record(5, "acme.com", true)).contains(3L);
    }

    @Test
    void rowWithoutDomainIsIgnored() {
        assertThat(duplicates.record(2, null, true)).isEmpty();
        assertThat(duplicates.record(3, null, true)).isEmpty();
        assertThat(duplicates.record(4, "acme.de", true)).isEmpty();
        assertThat(duplicates.record(5, null, false)).isEmpty();
    }
}
