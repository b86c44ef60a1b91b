package com.srsync.support;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/** Every line this JVM logs while it is open (as logged, and as the console prints it), for tests that assert on the log of the service running in-process. */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder printed = new StringBuilder();
    private Layout<? extends Serializable> consoleLayout;

    private LogCapture() {
        super("test-capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
    }

    public static LogCapture open() {
        LogCapture capture = new LogCapture();
        capture.attach();
        return capture;
    }

    private void attach() {
        start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        consoleLayout = config.getAppender("console").getLayout();
        config.getRootLogger().addAppender(this, null, null);
        context.updateLoggers();
    }

    @Override
    public synchronized void append(LogEvent event) {
        lines.add(event.getLevel() + " " + event.getLoggerName() + " - " + event.getMessage().getFormattedMessage());
        printed.append(consoleLayout.toSerializable(event));
    }

    /** The log as the service's console prints it (its layout: masking, exceptions and all). */
    public synchronized String printed() {
        return printed.toString();
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines that contain {@code text}. */
    public List<String> containing(String text) {
        return lines().stream().filter(l -> l.contains(text)).toList();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
