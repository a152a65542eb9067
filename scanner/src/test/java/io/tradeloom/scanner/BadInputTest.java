package io.tradeloom.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.api.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.Replies;
import io.tradeloom.testkit.TestContexts;

/**
 * Client mistakes: each is a 4xx in application/problem+json naming what is wrong, never a 5xx nor a stack trace,
 * and a rejected request writes nothing.
 */
class BadInputTest {

    private static Path dir;
    private static ScannerFixture.Sql sql;
    private static ServiceKit.RunningService running;
    private static WebClient http;

    @BeforeAll
    static void start() {
        dir = TestContexts.tempDir("scanner-bad-input");
        Path database = TestContexts.migratedDatabase(dir);
        sql = new ScannerFixture.Sql(database);
        running = ScannerFixture.start(ScannerFixture.settings(dir, database,
                Map.of("market.data", "sim", "sim.speed", "60", "ingest.interval-ms", "200", "bars.max-limit", "500",
                        "scan.max-top-n", "100")));
        http = ScannerFixture.client(running.port());
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.stop();
        }
        TestContexts.delete(dir);
    }

    /** A problem answer: the status, problem+json with its members, the named field, no trace of the code. */
    private static JsonNode assertProblem(Replies reply, int status, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).hasValue("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("type").isTextual()).isTrue();
        assertThat(problem.path("title").isTextual()).isTrue();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(reply.errorFields()).as(reply.toString()).contains(field);
            assertThat(problem.path("detail").asText()).contains(field);
        }
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", "io.tradeloom.");
        return problem;
    }

    @Test
    void anUnknownSymbolIsNotFoundForBarsAndQuotes() {
        assertProblem(Replies.get(http, "/api/bars/ZZZZ"), 404, null);
        assertProblem(Replies.get(http, "/api/quotes/ZZZZ"), 404, null);
        assertThat(Replies.get(http, "/api/bars/ZZZZ").json().path("detail").asText()).contains("ZZZZ");
        // while a known one in lower case is found
        assertThat(Replies.get(http, "/api/bars/aapl?limit=1").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/bars/AAPL?timeframe=2Min                                                  | timeframe",
            "/api/bars/AAPL?timeframe=1min                                                  | timeframe",
            "/api/bars/AAPL?start=2026-03-10T15:00:00Z&end=2026-03-10T14:00:00Z             | start",
            "/api/bars/AAPL?limit=0                                                         | limit",
            "/api/bars/AAPL?limit=-5                                                        | limit",
            "/api/bars/AAPL?limit=501                                                       | limit",
            "/api/bars/AAPL?limit=ten                                                       | limit",
            "/api/bars/AAPL?limit=1&limit=2                                                 | limit",
            "/api/bars/AAPL?start=yesterday                                                 | start",
            "/api/bars/AAPL?start=1741012200                                                | start",
            "/api/bars/AAPL?end=2026-03-10                                                  | end",
            "/api/bars/AAPL?timefrane=1Min                                                  | timefrane",
            "/api/quotes/AAPL?fresh=true                                                    | fresh",
            "/api/universe?all=1                                                            | all",
            "/api/clock?zone=UTC                                                            | zone",
            "/api/scans/abc                                                                 | id",
            "/api/scans?limit=0                                                             | limit",
            "/api/scans?limit=501                                                           | limit",
            "/api/scans?offset=3                                                            | offset",
    })
    void aMalformedQueryIsABadRequestNamingTheParameter(String path, String field) {
        assertProblem(Replies.get(http, path), 400, field);
    }

    @Test
    void theLimitMayReachTheConfiguredMaximum() {
        Replies reply = Replies.get(http, "/api/bars/AAPL?limit=500");

        assertThat(reply.status()).isEqualTo(200);
        long stored = sql.count("SELECT count(*) FROM bar WHERE symbol = 'AAPL' AND timeframe = '1Min'");
        assertThat(reply.json().path("bars").size()).isPositive().isLessThanOrEqualTo(500)
                .isEqualTo((int) Math.min(500, stored));
    }

    @Test
    void aScanThatDoesNotExistIsNotFound() {
        assertProblem(Replies.get(http, "/api/scans/999"), 404, null);
        assertProblem(Replies.get(http, "/api/nothing-here"), 404, null);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"min_price\": 10, \"max_price\": 5}                     | min_price",
            "{\"min_gap_percent\": 4, \"max_gap_percent\": 2}          | min_gap_percent",
            "{\"min_atr_percent\": 5, \"max_atr_percent\": 1}          | min_atr_percent",
            "{\"min_change_percent\": 3, \"max_change_percent\": -3}   | min_change_percent",
            "{\"preset\": \"gappers\", \"max_price\": 1}               | min_price",
            "{\"min_avg_volume\": -1}                                  | min_avg_volume",
            "{\"min_price\": -0.01}                                    | min_price",
            "{\"min_relative_volume\": -2}                             | min_relative_volume",
            "{\"top_n\": 0}                                            | top_n",
            "{\"top_n\": 101}                                          | top_n",
            "{\"sort_by\": \"popularity\"}                             | sort_by",
            "{\"preset\": \"moonshots\"}                               | preset",
            "{\"min_prise\": 10}                                       | min_prise",
            "{\"minPrice\": 10}                                        | minPrice",
            "{\"min_price\": \"abc\"}                                  | min_price",
            "{\"min_price\": [1]}                                      | min_price",
            "{\"sort_descending\": \"yes\"}                            | sort_descending",
            "{\"preset\": 3}                                           | preset",
    })
    void anInvalidScanIsABadRequestNamingTheFieldAndStoresNothing(String body, String field) {
        long scans = sql.scans();
        long candidates = sql.count("SELECT count(*) FROM scan_candidate");

        assertProblem(Replies.post(http, "/api/scan", body), 400, field);

        assertThat(sql.scans()).isEqualTo(scans);
        assertThat(sql.count("SELECT count(*) FROM scan_candidate")).isEqualTo(candidates);
    }

    @Test
    void aFractionalTopNIsABadRequestRatherThanTruncated() {
        long scans = sql.scans();

        assertProblem(Replies.post(http, "/api/scan", "{\"top_n\": 2.5}"), 400, "top_n");

        assertThat(sql.scans()).isEqualTo(scans);
    }

    @Test
    void aScanWithSeveralBadFieldsNamesEachOfThem() {
        Replies reply = Replies.post(http, "/api/scan",
                "{\"min_price\": 10, \"max_price\": 5, \"top_n\": 0, \"sort_by\": \"x\", \"preset\": \"y\"}");

        assertProblem(reply, 400, null);
        assertThat(reply.errorFields()).contains("min_price", "top_n", "sort_by", "preset");
    }

    @ParameterizedTest(name = "body {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{\"min_price\": `",
            "`{min_price: 10}`",
            "`{\"min_price\": 10} trailing`",
            "`null`",
            "`[]`",
            "`\"gappers\"`",
            "`42`",
    })
    void aBodyThatIsNotAJsonObjectIsABadRequestAndStoresNothing(String body) {
        long scans = sql.scans();

        assertProblem(Replies.post(http, "/api/scan", body), 400, null);

        assertThat(sql.scans()).isEqualTo(scans);
    }

    @Test
    void anUnknownQueryParameterOnAScanIsRefusedBeforeAnythingIsStored() {
        long scans = sql.scans();

        assertProblem(Replies.of(http.post("/api/scan").queryParam("dry_run", "true")
                .header(io.helidon.http.HeaderValues.CONTENT_TYPE_JSON).submit("{}")), 400, "dry_run");

        assertThat(sql.scans()).isEqualTo(scans);
        // and a valid scan still goes through afterwards
        assertThat(Replies.post(http, "/api/scan", "{\"top_n\": 100}").status()).isEqualTo(201);
        assertThat(sql.scans()).isEqualTo(scans + 1);
    }
}
