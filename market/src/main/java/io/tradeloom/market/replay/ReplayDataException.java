package io.tradeloom.market.replay;

import java.nio.file.Path;

/** A replay file that cannot be used as it is: names the file, the line (1 = the header) and the problem. */
public final class ReplayDataException extends RuntimeException {

    private final transient Path file;
    private final int line;
    private final String problem;

    public ReplayDataException(Path file, int line, String problem) {
        super(file + " line " + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line number; 0 when the problem is the file's name. */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
