package io.tradeloom.market.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NyseCalendarTest {

    private final NyseCalendar calendar = new NyseCalendar();

    private static List<LocalDate> dates(String... isoDates) {
        return java.util.Arrays.stream(isoDates).map(LocalDate::parse).toList();
    }

    // Typed in from the NYSE's published holiday calendars.
    @Test
    void holidays2025MatchThePublishedCalendarIncludingTheCarterDayOfMourning() {
        assertThat(calendar.holidays(2025)).containsExactlyElementsOf(dates("2025-01-01", "2025-01-09",
                "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01",
                "2025-11-27", "2025-12-25"));
    }

    @Test
    void holidays2026MatchThePublishedCalendar() {
        assertThat(calendar.holidays(2026)).containsExactlyElementsOf(dates("2026-01-01", "2026-01-19",
                "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26",
                "2026-12-25"));
    }

    @Test
    void holidays2027MatchThePublishedCalendar() {
        assertThat(calendar.holidays(2027)).containsExactlyElementsOf(dates("2027-01-01", "2027-01-18",
                "2027-02-15", "2027-03-26", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-11-25",
                "2027-12-24"));
    }

    @Test
    void earlyCloses2025To2027MatchThePublishedCalendars() {
        assertThat(calendar.earlyCloses(2025)).containsExactlyElementsOf(dates("2025-07-03", "2025-11-28",
                "2025-12-24"));
        assertThat(calendar.earlyCloses(2026)).containsExactlyElementsOf(dates("2026-11-27", "2026-12-24"));
        assertThat(calendar.earlyCloses(2027)).containsExactlyElementsOf(dates("2027-11-26"));
    }

    @Test
    void newYearOnSaturdayIsNotObservedOnTheFridayBefore() {
        assertThat(calendar.isTradingDay(LocalDate.parse("2021-12-31"))).isTrue(); // 2022-01-01 is a Saturday
        assertThat(calendar.isTradingDay(LocalDate.parse("2027-12-31"))).isTrue(); // 2028-01-01 is a Saturday
        assertThat(calendar.holidays(2022)).doesNotContain(LocalDate.parse("2022-01-01"));
    }

    @Test
    void newYearOnSundayIsObservedOnMonday() {
        assertThat(calendar.holidays(2023)).contains(LocalDate.parse("2023-01-02"));
    }

    @Test
    void juneteenthIsAHolidayOnlyFrom2022() {
        assertThat(calendar.isTradingDay(LocalDate.parse("2021-06-18"))).isTrue();
        assertThat(calendar.holidays(2022)).contains(LocalDate.parse("2022-06-20")); // Sunday -> Monday
    }

    @Test
    void goodFridayFollowsEaster() {
        assertThat(NyseCalendar.easterSunday(2024)).isEqualTo("2024-03-31");
        assertThat(NyseCalendar.easterSunday(2038)).isEqualTo("2038-04-25");
        assertThat(calendar.holidays(2038)).contains(LocalDate.parse("2038-04-23"));
    }

    @Test
    void weekendsAreClosed() {
        assertThat(calendar.session(LocalDate.parse("2026-03-07"))).isEmpty();
        assertThat(calendar.session(LocalDate.parse("2026-03-08"))).isEmpty();
        assertThat(calendar.isOpen(Instant.parse("2026-03-07T16:00:00Z"))).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1} to {2}")
    @CsvSource({
            // the Friday and Monday around the March switch to EDT (2026-03-08) and back to EST (2026-11-01)
            "2026-03-06, 2026-03-06T14:30:00Z, 2026-03-06T21:00:00Z",
            "2026-03-09, 2026-03-09T13:30:00Z, 2026-03-09T20:00:00Z",
            "2026-10-30, 2026-10-30T13:30:00Z, 2026-10-30T20:00:00Z",
            "2026-11-02, 2026-11-02T14:30:00Z, 2026-11-02T21:00:00Z",
            // early closes at 13:00 New York, in winter (EST) and summer (EDT)
            "2026-11-27, 2026-11-27T14:30:00Z, 2026-11-27T18:00:00Z",
            "2025-07-03, 2025-07-03T13:30:00Z, 2025-07-03T17:00:00Z"})
    void sessionOpensAt0930AndClosesAt1600Or1300NewYorkTimeOnBothSidesOfDst(LocalDate date, Instant open,
                                                                              Instant close) {
        Session session = calendar.session(date).orElseThrow();
        assertThat(session.open()).isEqualTo(open);
        assertThat(session.close()).isEqualTo(close);
    }

    @Test
    void isOpenCoversOpenToJustBeforeClose() {
        assertThat(calendar.isOpen(Instant.parse("2026-03-09T13:29:59Z"))).isFalse();
        assertThat(calendar.isOpen(Instant.parse("2026-03-09T13:30:00Z"))).isTrue();
        assertThat(calendar.isOpen(Instant.parse("2026-03-09T19:59:59Z"))).isTrue();
        assertThat(calendar.isOpen(Instant.parse("2026-03-09T20:00:00Z"))).isFalse();
    }

    @Test
    void nextOpenSkipsWeekendsAndHolidays() {
        // Thursday 2026-04-02 after the close -> Good Friday -> weekend -> Monday 2026-04-06
        assertThat(calendar.nextOpen(Instant.parse("2026-04-02T21:00:00Z")))
                .isEqualTo(Instant.parse("2026-04-06T13:30:00Z"));
        // during a session the next open is tomorrow's
        assertThat(calendar.nextOpen(Instant.parse("2026-04-06T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-04-07T13:30:00Z"));
        // before today's open, today's
        assertThat(calendar.nextOpen(Instant.parse("2026-04-07T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-04-07T13:30:00Z"));
    }

    @Test
    void nextCloseIsTheCurrentSessionsWhileOpenAndTheNextOnesOtherwise() {
        assertThat(calendar.nextClose(Instant.parse("2026-11-27T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(calendar.nextClose(Instant.parse("2026-11-27T18:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T21:00:00Z"));
    }

    @Test
    void latestOpenIsTodaysOnceOpenedElseThePreviousTradingDays() {
        assertThat(calendar.latestOpen(Instant.parse("2026-03-09T13:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-09T13:30:00Z"));
        assertThat(calendar.latestOpen(Instant.parse("2026-03-09T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-06T14:30:00Z"));
        assertThat(calendar.latestOpen(Instant.parse("2026-03-08T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-06T14:30:00Z"));
    }

    @Test
    void previousAndNextTradingDaysSkipClosures() {
        assertThat(calendar.nextTradingDay(LocalDate.parse("2026-12-24"))).isEqualTo("2026-12-28");
        assertThat(calendar.previousTradingDay(LocalDate.parse("2026-01-20"))).isEqualTo("2026-01-16");
        assertThat(calendar.previousTradingDay(LocalDate.parse("2026-01-05"))).isEqualTo("2026-01-02");
    }
}
