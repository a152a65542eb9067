package io.tradeloom.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndicatorSpecTest {

    @Test
    void omittedParametersTakeTaLibsDefaults() {
        assertThat(IndicatorSpec.parse("RSI").canonical()).isEqualTo("RSI(14)");
        assertThat(IndicatorSpec.parse("MACD").canonical()).isEqualTo("MACD(12,26,9)");
        assertThat(IndicatorSpec.parse("MACD(5)").canonical()).isEqualTo("MACD(5,26,9)");
        assertThat(IndicatorSpec.parse("BBANDS").canonical()).isEqualTo("BBANDS(5,2,2,0)");
        assertThat(IndicatorSpec.parse("STOCH()").canonical()).isEqualTo("STOCH(5,3,0,3,0)");
        assertThat(IndicatorSpec.parse("SAR").canonical()).isEqualTo("SAR(0.02,0.2)");
        assertThat(IndicatorSpec.parse("SMA").canonical()).isEqualTo("SMA(30)");
        assertThat(IndicatorSpec.parse("OBV").canonical()).isEqualTo("OBV");
    }

    @Test
    void namesAreCaseInsensitiveAndSpacesAreAllowedButTheTextIsKeptAsWritten() {
        IndicatorSpec spec = IndicatorSpec.parse(" bbands( 20 , 2.5,1 ) ");

        assertThat(spec.indicator()).isEqualTo(Indicator.BBANDS);
        assertThat(spec.params()).containsExactly(20.0, 2.5, 1.0, 0.0);
        assertThat(spec.text()).isEqualTo(" bbands( 20 , 2.5,1 ) ");
        assertThat(IndicatorSpec.parse("Plus_Di(7)").canonical()).isEqualTo("PLUS_DI(7)");
    }

    @Test
    void specsBuiltInCodeAreWrittenCanonically() {
        assertThat(IndicatorSpec.of(Indicator.EMA, 9).text()).isEqualTo("EMA(9)");
        assertThat(IndicatorSpec.of(Indicator.BBANDS, 20, 2, 2).text()).isEqualTo("BBANDS(20,2,2,0)");
        assertThat(IndicatorSpec.of(Indicator.TRANGE).text()).isEqualTo("TRANGE");
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> IndicatorSpec.parse("FOO(3)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown indicator 'FOO'")
                .hasMessageContaining("ADX, AROON, ATR, BBANDS, CCI, DEMA, EMA, KAMA, MACD, MFI, MINUS_DI, MOM, NATR, OBV, "
                        + "PLUS_DI, ROC, RSI, SAR, SMA, STDDEV, STOCH, TEMA, TRANGE, VWAP, WILLR, WMA");
    }

    @Test
    void aPeriodOutsideTaLibsRangeIsRefusedWithTheRange() {
        assertThatThrownBy(() -> IndicatorSpec.parse("RSI(0)"))
                .hasMessage("RSI timeperiod must be a whole number from 2 to 100000 (TA-Lib's range), was 0");
        assertThatThrownBy(() -> IndicatorSpec.parse("SMA(100001)")).hasMessageContaining("from 2 to 100000");
        assertThatThrownBy(() -> IndicatorSpec.parse("SMA(99999999999999999999999)")).hasMessageContaining("from 2 to 100000");
        assertThatThrownBy(() -> IndicatorSpec.parse("ATR(-3)")).hasMessageContaining("ATR timeperiod must be a whole number from 1 to 100000");
    }

    @Test
    void aFractionalPeriodOrAWordIsRefused() {
        assertThatThrownBy(() -> IndicatorSpec.parse("EMA(9.5)")).hasMessageContaining("EMA timeperiod must be a whole number");
        assertThatThrownBy(() -> IndicatorSpec.parse("EMA(nine)")).hasMessageContaining("was 'nine'");
        assertThatThrownBy(() -> IndicatorSpec.parse("EMA(NaN)")).hasMessageContaining("was 'NaN'");
        assertThatThrownBy(() -> IndicatorSpec.parse("MACD(,30)")).hasMessageContaining("MACD fastperiod").hasMessageContaining("was ''");
    }

    @Test
    void anMaTypeOutsideTaLibsListIsRefusedWithTheTypes() {
        assertThatThrownBy(() -> IndicatorSpec.parse("BBANDS(20,2,2,9)"))
                .hasMessageContaining("BBANDS matype must be a whole number from 0 to 8")
                .hasMessageContaining("0 SMA, 1 EMA");
    }

    @Test
    void macdNeedsAFastPeriodBelowTheSlowOne() {
        assertThatThrownBy(() -> IndicatorSpec.parse("MACD(26,12,9)"))
                .hasMessage("MACD fastperiod (26) must be below slowperiod (12)");
        assertThatThrownBy(() -> IndicatorSpec.parse("MACD(12,12,9)")).hasMessageContaining("must be below");
    }

    @Test
    void tooManyParametersAreRefusedWithTheParameterNames() {
        assertThatThrownBy(() -> IndicatorSpec.parse("RSI(14,3)"))
                .hasMessage("RSI takes at most 1 parameter (timeperiod), got 2");
        assertThatThrownBy(() -> IndicatorSpec.parse("OBV(3)")).hasMessage("OBV takes no parameters, got 1");
    }

    @Test
    void malformedTextIsRefusedWithTheExpectedForm() {
        for (String bad : new String[] {"", "SMA(20", "(20)", "SMA 20", "SMA(20)x", "9EMA"}) {
            assertThatThrownBy(() -> IndicatorSpec.parse(bad)).as(bad)
                    .hasMessageContaining("write NAME or NAME(p1,p2,...)");
        }
    }

    @Test
    void realParametersAcceptDecimalsWithinTaLibsRange() {
        assertThat(IndicatorSpec.parse("SAR(0.01, .1)").params()).containsExactly(0.01, 0.1);
        assertThat(IndicatorSpec.parse("STDDEV(10,-1.5)").params()).containsExactly(10.0, -1.5);
        assertThatThrownBy(() -> IndicatorSpec.parse("SAR(-0.01)")).hasMessageContaining("SAR acceleration must be a number from 0");
    }
}
