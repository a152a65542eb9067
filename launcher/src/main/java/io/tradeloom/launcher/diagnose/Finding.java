package io.tradeloom.launcher.diagnose;

/** One line of a diagnosis: fine, or a problem a person should act on. */
public record Finding(Section section, boolean ok, String message) {

    /** The report's sections, in the order they are printed. */
    public enum Section {
        SERVICES, DATABASE, DISK, CONFIG
    }

    public static Finding ok(Section section, String message) {
        return new Finding(section, true, message);
    }

    public static Finding problem(Section section, String message) {
        return new Finding(section, false, message);
    }
}
