package dk.indkoebsscreening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DanishNumbersTest {

    @ParameterizedTest(name = "\"{0}\" is {1} kr.")
    @CsvSource(delimiter = '|', value = {
            "250.000|250000", "250000|250000", "250 000|250000", "250\u00a0000|250000", "250.000 kr.|250000",
            "250.000 kr|250000", "250.000 DKK|250000", "48.500,50|48500.50", "48500,5|48500.5", "0|0",
            "1,5 mio.|1500000", "1,5 mio. kr.|1500000", "2 mio|2000000", "1,25 millioner|1250000",
            "1.644.638|1644638", " 85.000 |85000"})
    void readsAmountsTheDanishWay(String typed, String kroner) {
        assertThat(DanishNumbers.amount(typed)).hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(kroner));
    }

    @ParameterizedTest(name = "\"{0}\" is not an amount")
    @ValueSource(strings = {"250.00", "1.5", "250,000", "25.0000", "abc", "-5", "1,5 mia.", "12,345", "", "kr."})
    void refusesWhatIsUnclear(String typed) {
        assertThat(DanishNumbers.amount(typed)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is whole: {1}")
    @CsvSource(delimiter = '|', value = {"1.200|1200", "1200|1200", "4|4", "1 000 000|1000000"})
    void readsWholeNumbers(String typed, long value) {
        assertThat(DanishNumbers.whole(typed)).contains(value);
    }

    @ParameterizedTest(name = "\"{0}\" is {1} years")
    @CsvSource(delimiter = '|', value = {"4|4", "4 år|4", "4 år.|4", "4år|4", "4 ÅR|4", "fire år|4", "fire|4", "et år|1", "ét år|1",
            "1 år|1", "tyve år|20", "12 aar|12"})
    void readsYears(String typed, long years) {
        assertThat(DanishNumbers.years(typed)).contains(years);
    }

    @ParameterizedTest(name = "\"{0}\" is not a number of years")
    @ValueSource(strings = {"2,5 år", "år", "fire og et halvt år", "4 måneder", "4 år 6 mdr.", "enogtyve år", "-4 år"})
    void refusesWhatIsNotANumberOfYears(String typed) {
        assertThat(DanishNumbers.years(typed)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is {1} months")
    @CsvSource(delimiter = '|', value = {"6|6", "6 mdr.|6", "6 md.|6", "seks måneder|6", "en måned|1", "12 måneder|12"})
    void readsMonths(String typed, long months) {
        assertThat(DanishNumbers.months(typed)).contains(months);
    }

    @ParameterizedTest(name = "\"{0}\" is not whole")
    @ValueSource(strings = {"2,5", "1.20", "to", "-1", "3 år"})
    void refusesFractionsAsWholeNumbers(String typed) {
        assertThat(DanishNumbers.whole(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"48.500,50"})
    void keepsTheOre(String typed) {
        assertThat(DanishNumbers.amount(typed)).contains(new BigDecimal("48500.50"));
    }
}
