package com.srsync.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.camel.TypeConversionException;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class HttpMethodConverterTest {
    private final HttpMethodConverter converter = new HttpMethodConverter();

    @Test
    void reads_the_method_a_route_sets_as_text() {
        assertEquals(HttpMethods.PUT, converter.convertTo(HttpMethods.class, null, "PUT"));
        assertEquals(HttpMethods.DELETE, converter.convertTo(HttpMethods.class, null, " delete "));
    }

    @Test
    void refuses_a_method_that_does_not_exist() {
        assertThrows(TypeConversionException.class, () -> converter.convertTo(HttpMethods.class, null, "FETCH"));
    }

    @Test
    void once_registered_camel_finds_it_directly() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getTypeConverterRegistry().addTypeConverter(HttpMethods.class, String.class, converter);
            assertSame(converter, context.getTypeConverterRegistry().lookup(HttpMethods.class, String.class));
            assertEquals(HttpMethods.GET, context.getTypeConverter().convertTo(HttpMethods.class, "GET"));
        }
    }
}
