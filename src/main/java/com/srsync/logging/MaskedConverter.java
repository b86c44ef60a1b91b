package com.srsync.logging;

import java.util.List;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;
import org.apache.logging.log4j.core.pattern.PatternFormatter;
import org.apache.logging.log4j.core.pattern.PatternParser;

/**
 * {@code %masked{pattern}}: prints {@code pattern} (typically {@code %msg%n%throwable}) with every
 * {@link MaskedValues} value replaced by {@code ****}. It prints the exception itself when the
 * pattern holds one, so the layout does not add an unmasked copy after it.
 */
@Plugin(name = "MaskedConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"masked"})
public final class MaskedConverter extends LogEventPatternConverter {
    private final List<PatternFormatter> formatters;
    private final boolean printsThrowable;

    private MaskedConverter(List<PatternFormatter> formatters) {
        super("masked", "masked");
        this.formatters = formatters;
        this.printsThrowable = formatters.stream().anyMatch(PatternFormatter::handlesThrowable);
    }

    /** Log4j's factory: {@code options[0]} is the pattern inside the braces. */
    public static MaskedConverter newInstance(Configuration config, String[] options) {
        if (options.length != 1 || options[0] == null) {
            throw new IllegalArgumentException("%masked needs one pattern in braces, e.g. %masked{%msg%n%throwable}");
        }
        PatternParser parser = PatternLayout.createPatternParser(config);
        return new MaskedConverter(parser.parse(options[0]));
    }

    @Override
    public void format(LogEvent event, StringBuilder toAppendTo) {
        StringBuilder own = new StringBuilder(128);
        for (PatternFormatter formatter : formatters) formatter.format(event, own);
        MaskedValues.mask(own);
        toAppendTo.append(own);
    }

    @Override
    public boolean handlesThrowable() {
        return printsThrowable;
    }
}
