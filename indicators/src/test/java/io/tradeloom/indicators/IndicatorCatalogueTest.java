package io.tradeloom.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.tictactec.ta.lib.CoreAnnotated;
import com.tictactec.ta.lib.meta.annotation.FuncInfo;
import com.tictactec.ta.lib.meta.annotation.IntegerList;
import com.tictactec.ta.lib.meta.annotation.IntegerRange;
import com.tictactec.ta.lib.meta.annotation.OutputParameterInfo;
import com.tictactec.ta.lib.meta.annotation.RealRange;
import org.junit.jupiter.api.Test;

/** The catalogue's names, parameter defaults and ranges and output counts are TA-Lib's own, as its metadata states them. */
class IndicatorCatalogueTest {

    @Test
    void parametersAndOutputsMatchTaLibsMetadata() {
        for (Indicator indicator : Indicator.values()) {
            if (indicator == Indicator.VWAP) {
                continue;
            }
            Method function = taLibFunction(indicator.name());
            List<Param> taLib = new ArrayList<>();
            int outputs = 0;
            for (Annotation[] annotations : function.getParameterAnnotations()) {
                for (Annotation a : annotations) {
                    switch (a) {
                        case IntegerRange r -> taLib.add(new Param("", true, r.defaultValue(), r.min(), r.max()));
                        case RealRange r -> taLib.add(new Param("", false, r.defaultValue(), r.min(), r.max()));
                        case IntegerList l -> taLib.add(new Param("", true, l.defaultValue(),
                                Arrays.stream(l.value()).min().orElseThrow(), Arrays.stream(l.value()).max().orElseThrow()));
                        case OutputParameterInfo o -> outputs++;
                        default -> { }
                    }
                }
            }

            assertThat(indicator.params()).as(indicator + " parameters")
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("name")
                    .isEqualTo(taLib);
            assertThat(indicator.outputs()).as(indicator + " outputs").hasSize(outputs);
        }
    }

    @Test
    void outputNamesAreTheContractOnes() {
        assertThat(Indicator.MACD.outputs()).containsExactly("macd", "signal", "hist");
        assertThat(Indicator.BBANDS.outputs()).containsExactly("upper", "middle", "lower");
        assertThat(Indicator.STOCH.outputs()).containsExactly("k", "d");
        assertThat(Indicator.AROON.outputs()).containsExactly("down", "up");
        assertThat(Arrays.stream(Indicator.values()).filter(i -> i.outputs().size() == 1))
                .allSatisfy(i -> assertThat(i.outputs()).containsExactly("value"));
    }

    /** The double[] variant of the TA-Lib function named {@code name} (TA-Lib's own name, e.g. PLUS_DI). */
    private static Method taLibFunction(String name) {
        return Arrays.stream(CoreAnnotated.class.getMethods())
                .filter(m -> m.getAnnotation(FuncInfo.class) != null && m.getAnnotation(FuncInfo.class).name().equals(name))
                .filter(m -> Arrays.stream(m.getParameterTypes()).noneMatch(t -> t == float[].class))
                .findFirst()
                .orElseThrow(() -> new AssertionError("TA-Lib has no function " + name));
    }
}
