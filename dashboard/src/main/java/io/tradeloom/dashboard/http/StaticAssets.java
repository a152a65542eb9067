package io.tradeloom.dashboard.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;

/**
 * The page and its assets, from this jar: nothing loads from elsewhere at run time. ECharts comes from
 * its WebJar on the classpath; the page's own files from /web. Only the files listed here are served.
 */
public final class StaticAssets implements HttpService {

    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private record Asset(byte[] bytes, String type) {
    }

    private final Map<String, Asset> assets;
    private final Asset index;

    public StaticAssets() {
        this.assets = Map.of(
                "/static/app.css", load("/web/app.css", "text/css; charset=utf-8"),
                "/static/app.js", load("/web/app.js", "text/javascript; charset=utf-8"),
                "/static/charts.js", load("/web/charts.js", "text/javascript; charset=utf-8"),
                "/static/echarts.min.js", load(ECHARTS, "text/javascript; charset=utf-8"));
        this.index = load("/web/index.html", "text/html; charset=utf-8");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> send(res, index, false))
                .get("/static/{file}", (req, res) -> {
                    Asset a = assets.get(req.path().path());
                    if (a == null) {
                        res.status(404).send("not found");
                    } else {
                        send(res, a, true);
                    }
                });
    }

    private static void send(ServerResponse res, Asset asset, boolean cacheable) {
        res.header(HeaderNames.CONTENT_TYPE, asset.type());
        res.header(cacheable ? HeaderValues.create(HeaderNames.CACHE_CONTROL, "max-age=300") : io.helidon.http.HeaderValues.create(io.helidon.http.HeaderNames.CACHE_CONTROL, "no-store"));
        res.send(asset.bytes());
    }

    private static Asset load(String resource, String type) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " in the dashboard jar");
            }
            return new Asset(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
