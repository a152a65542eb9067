package io.tradeloom.candles;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.CoreAnnotated;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import com.tictactec.ta.lib.meta.annotation.FuncInfo;
import com.tictactec.ta.lib.meta.annotation.RealRange;

import io.tradeloom.market.bar.BarSeries;

/**
 * The oracle: TA-Lib called directly, found without the registry. TA-Lib's own metadata ({@link CoreAnnotated}'s
 * {@link FuncInfo} annotations) lists its "Pattern Recognition" functions and the default of each optional input;
 * each call goes to a fresh {@link Core}, so its candle settings are TA-Lib's defaults.
 */
final class TaLib {

    /** A candlestick function as TA-Lib's metadata describes it: its Core method and its optional inputs' defaults. */
    record Function(String name, Method method, double[] optionalDefaults) {
    }

    /** Every candlestick function, by TA-Lib name. */
    static final Map<String, Function> CANDLESTICK_FUNCTIONS = candlestickFunctions();

    private TaLib() {
    }

    private static Map<String, Function> candlestickFunctions() {
        Map<String, Function> functions = new TreeMap<>();
        for (Method annotated : CoreAnnotated.class.getDeclaredMethods()) {
            FuncInfo info = annotated.getAnnotation(FuncInfo.class);
            if (info == null || !info.group().equals("Pattern Recognition")
                    || annotated.getParameterTypes()[2] != double[].class) {
                continue; // not a candlestick function, or its float[] twin
            }
            List<Double> defaults = new ArrayList<>();
            for (Annotation[] parameter : annotated.getParameterAnnotations()) {
                Arrays.stream(parameter).filter(RealRange.class::isInstance)
                        .forEach(a -> defaults.add(((RealRange) a).defaultValue()));
            }
            if (defaults.size() != info.nbOptInput()) {
                throw new IllegalStateException(info.name() + " has optional inputs that are not reals");
            }
            try {
                Method raw = Core.class.getMethod(annotated.getName(), annotated.getParameterTypes());
                functions.put(info.name(), new Function(info.name(), raw,
                        defaults.stream().mapToDouble(Double::doubleValue).toArray()));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
        return functions;
    }

    /** TA-Lib's non-zero outputs of {@code name} over {@code bars}, as "index:value" in index order. */
    static List<String> detections(String name, BarSeries bars) {
        int n = bars.size();
        if (n == 0) {
            return List.of();
        }
        Function f = CANDLESTICK_FUNCTIONS.get(name);
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        int[] out = new int[n];
        List<Object> args = new ArrayList<>(List.of(0, n - 1, bars.open(), bars.high(), bars.low(), bars.close()));
        Arrays.stream(f.optionalDefaults()).forEach(args::add);
        args.addAll(List.of(begin, count, out));
        try {
            RetCode rc = (RetCode) f.method().invoke(new Core(), args.toArray());
            if (rc != RetCode.Success) {
                throw new IllegalStateException(name + " returned " + rc);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
        List<String> found = new ArrayList<>();
        for (int k = 0; k < count.value; k++) {
            if (out[k] != 0) {
                found.add((begin.value + k) + ":" + out[k]);
            }
        }
        return found;
    }
}
