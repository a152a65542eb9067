package io.tradeloom.scanner;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;

/**
 * Alpaca's {@code GET /v2/stocks/bars} as a WireMock transformer over fixed data: it answers what Alpaca would, the
 * bars of the asked symbols and timeframe whose time lies in {@code [start, end]} (both inclusive, as Alpaca's), in
 * Alpaca's documented JSON. Daily bars are stamped at midnight New York as Alpaca stamps them; minute bars cover
 * the extended hours (04:00-20:00 New York) as Alpaca's do.
 */
final class FakeAlpaca implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-alpaca-bars";

    private final Map<Timeframe, Map<String, List<Bar>>> data = new LinkedHashMap<>();

    FakeAlpaca(List<String> symbols, List<LocalDate> days, List<LocalDate> minuteDays) {
        Map<String, List<Bar>> daily = new LinkedHashMap<>();
        Map<String, List<Bar>> minutes = new LinkedHashMap<>();
        for (int s = 0; s < symbols.size(); s++) {
            String symbol = symbols.get(s);
            BigDecimal base = BigDecimal.valueOf(100L + 300L * s);
            List<Bar> d = new ArrayList<>();
            for (int k = 0; k < days.size(); k++) {
                BigDecimal open = base.add(BigDecimal.valueOf(k));
                d.add(new Bar(symbol, days.get(k).atStartOfDay(NyseCalendar.ZONE).toInstant(), open,
                        open.add(BigDecimal.TWO), open.subtract(BigDecimal.ONE), open.add(BigDecimal.ONE), 1_000_000L + k));
            }
            daily.put(symbol, d);
            List<Bar> m = new ArrayList<>();
            for (LocalDate day : minuteDays) {
                Instant from = day.atTime(LocalTime.of(4, 0)).atZone(NyseCalendar.ZONE).toInstant();
                for (int i = 0; i < 16 * 60; i++) {
                    BigDecimal open = base.add(BigDecimal.valueOf(i % 17, 2));
                    BigDecimal close = open.add(new BigDecimal("0.02"));
                    m.add(new Bar(symbol, from.plus(Duration.ofMinutes(i)), open, close.add(new BigDecimal("0.01")),
                            open.subtract(new BigDecimal("0.01")), close, 100L + i));
                }
            }
            minutes.put(symbol, m);
        }
        data.put(Timeframe.DAY_1, daily);
        data.put(Timeframe.MIN_1, minutes);
    }

    List<Bar> daily(String symbol) {
        return data.get(Timeframe.DAY_1).get(symbol);
    }

    List<Bar> minutes(String symbol) {
        return data.get(Timeframe.MIN_1).get(symbol);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        Timeframe timeframe = Timeframe.parse(request.queryParameter("timeframe").firstValue());
        Instant start = Instant.parse(request.queryParameter("start").firstValue());
        Instant end = Instant.parse(request.queryParameter("end").firstValue());
        StringBuilder json = new StringBuilder("{\"bars\":{");
        String sep = "";
        for (String symbol : request.queryParameter("symbols").firstValue().split(",")) {
            List<Bar> bars = data.getOrDefault(timeframe, Map.of()).getOrDefault(symbol, List.of()).stream()
                    .filter(b -> !b.time().isBefore(start) && !b.time().isAfter(end))
                    .toList();
            json.append(sep).append('"').append(symbol).append("\":")
                    .append(bars.stream().map(FakeAlpaca::json).collect(Collectors.joining(",", "[", "]")));
            sep = ",";
        }
        json.append("},\"next_page_token\":null}");
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json.toString()).build();
    }

    private static String json(Bar b) {
        return "{\"t\":\"" + b.time() + "\",\"o\":" + b.open().toPlainString() + ",\"h\":" + b.high().toPlainString()
                + ",\"l\":" + b.low().toPlainString() + ",\"c\":" + b.close().toPlainString() + ",\"v\":" + b.volume()
                + ",\"n\":12,\"vw\":" + b.close().toPlainString() + "}";
    }
}
