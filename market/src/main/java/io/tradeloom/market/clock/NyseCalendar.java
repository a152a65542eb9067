package io.tradeloom.market.clock;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NYSE regular-session calendar: 09:30-16:00 America/New_York, Monday to Friday, closed on the exchange's
 * full-day holidays and closing at 13:00 on its early-close days. Holidays are computed by rule for any year,
 * so the calendar never runs out; the rules are today's (Juneteenth from 2022), which match the exchange's
 * history from 2000 on together with the one-off closures listed in {@link #SPECIAL_CLOSURES}.
 *
 * <p>Holidays: New Year's Day, Martin Luther King Jr. Day (3rd Monday of January), Washington's Birthday
 * (3rd Monday of February), Good Friday, Memorial Day (last Monday of May), Juneteenth, Independence Day,
 * Labor Day (1st Monday of September), Thanksgiving (4th Thursday of November) and Christmas. A holiday on a
 * Saturday is observed the Friday before, on a Sunday the Monday after, except New Year's Day on a Saturday,
 * which is not observed at all (NYSE Rule 7.2: the exchange does not close on the last day of the year).
 *
 * <p>Early closes (13:00): the day before Independence Day, the day after Thanksgiving and Christmas Eve, each
 * when it is a trading day (so not when it is itself the observed holiday).
 *
 * <p>Thread-safe; per-year results are cached.
 */
public final class NyseCalendar {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final LocalTime OPEN = LocalTime.of(9, 30);
    public static final LocalTime CLOSE = LocalTime.of(16, 0);
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

    /** Unscheduled full-day closures since 2000 (9/11, national days of mourning, Hurricane Sandy). */
    public static final Set<LocalDate> SPECIAL_CLOSURES = Set.of(
            LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13),
            LocalDate.of(2001, 9, 14), LocalDate.of(2004, 6, 11), LocalDate.of(2007, 1, 2),
            LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30), LocalDate.of(2018, 12, 5),
            LocalDate.of(2025, 1, 9));

    /** A week always holds a trading day under these rules; searches give up well after that. */
    private static final int SEARCH_DAYS = 14;

    private record Year(NavigableSet<LocalDate> holidays, NavigableSet<LocalDate> earlyCloses) {
    }

    private final Map<Integer, Year> years = new ConcurrentHashMap<>();

    /** The weekday closures (holidays and special closures) of {@code year}, in date order. */
    public NavigableSet<LocalDate> holidays(int year) {
        return year(year).holidays();
    }

    /** The 13:00 early closes of {@code year}, in date order. */
    public NavigableSet<LocalDate> earlyCloses(int year) {
        return year(year).earlyCloses();
    }

    public boolean isTradingDay(LocalDate date) {
        return !isWeekend(date) && !holidays(date.getYear()).contains(date);
    }

    /** The session on {@code date}, or empty on a weekend or holiday. */
    public Optional<Session> session(LocalDate date) {
        if (!isTradingDay(date)) {
            return Optional.empty();
        }
        LocalTime close = earlyCloses(date.getYear()).contains(date) ? EARLY_CLOSE : CLOSE;
        return Optional.of(new Session(date, date.atTime(OPEN).atZone(ZONE).toInstant(),
                date.atTime(close).atZone(ZONE).toInstant()));
    }

    /** The session whose {@code [open, close)} contains {@code time}, if any. */
    public Optional<Session> sessionAt(Instant time) {
        return session(dateOf(time)).filter(s -> s.contains(time));
    }

    public boolean isOpen(Instant time) {
        return sessionAt(time).isPresent();
    }

    /** The first session open strictly after {@code time}. */
    public Instant nextOpen(Instant time) {
        return nextSession(time, false).open();
    }

    /** The first session close strictly after {@code time} (the current session's close while it is open). */
    public Instant nextClose(Instant time) {
        return nextSession(time, true).close();
    }

    /** The most recent session open at or before {@code time}: today's once 09:30 has passed on a trading day. */
    public Instant latestOpen(Instant time) {
        LocalDate date = dateOf(time);
        for (int i = 0; i <= SEARCH_DAYS; i++, date = date.minusDays(1)) {
            Optional<Session> session = session(date);
            if (session.isPresent() && !session.get().open().isAfter(time)) {
                return session.get().open();
            }
        }
        throw new IllegalStateException("no session within " + SEARCH_DAYS + " days before " + time);
    }

    /** The first trading day after {@code date}. */
    public LocalDate nextTradingDay(LocalDate date) {
        return step(date, 1);
    }

    /** The last trading day before {@code date}. */
    public LocalDate previousTradingDay(LocalDate date) {
        return step(date, -1);
    }

    /** The New York calendar date of {@code time}. */
    public static LocalDate dateOf(Instant time) {
        return LocalDate.ofInstant(time, ZONE);
    }

    private Session nextSession(Instant time, boolean byClose) {
        LocalDate date = dateOf(time);
        for (int i = 0; i <= SEARCH_DAYS; i++, date = date.plusDays(1)) {
            Optional<Session> session = session(date);
            if (session.isPresent() && (byClose ? session.get().close() : session.get().open()).isAfter(time)) {
                return session.get();
            }
        }
        throw new IllegalStateException("no session within " + SEARCH_DAYS + " days after " + time);
    }

    private LocalDate step(LocalDate date, int direction) {
        LocalDate candidate = date.plusDays(direction);
        for (int i = 0; i < SEARCH_DAYS && !isTradingDay(candidate); i++) {
            candidate = candidate.plusDays(direction);
        }
        if (!isTradingDay(candidate)) {
            throw new IllegalStateException("no trading day within " + SEARCH_DAYS + " days of " + date);
        }
        return candidate;
    }

    private Year year(int year) {
        return years.computeIfAbsent(year, NyseCalendar::compute);
    }

    private static Year compute(int year) {
        TreeSet<LocalDate> holidays = new TreeSet<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            holidays.add(observed(newYear));
        }
        holidays.add(nthWeekday(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
        holidays.add(nthWeekday(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
        holidays.add(easterSunday(year).minusDays(2));
        holidays.add(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        if (year >= 2022) {
            holidays.add(observed(LocalDate.of(year, 6, 19)));
        }
        holidays.add(observed(LocalDate.of(year, 7, 4)));
        holidays.add(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
        LocalDate thanksgiving = nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
        holidays.add(thanksgiving);
        holidays.add(observed(LocalDate.of(year, 12, 25)));
        SPECIAL_CLOSURES.stream().filter(d -> d.getYear() == year).forEach(holidays::add);

        TreeSet<LocalDate> earlyCloses = new TreeSet<>();
        for (LocalDate eve : new LocalDate[] {LocalDate.of(year, 7, 3), thanksgiving.plusDays(1),
                LocalDate.of(year, 12, 24)}) {
            if (!isWeekend(eve) && !holidays.contains(eve)) {
                earlyCloses.add(eve);
            }
        }
        return new Year(Collections.unmodifiableNavigableSet(holidays),
                Collections.unmodifiableNavigableSet(earlyCloses));
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nthWeekday(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
