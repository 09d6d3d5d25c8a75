package io.stampede.convert;

import java.util.List;

/**
 * A parsed HAR file: its entries in start order and the titles of its pages.
 *
 * @param creator the tool that wrote the HAR ("WebInspector", "Firefox" ...)
 */
public record Recording(String creator, List<Exchange> exchanges, java.util.Map<String, String> pageTitles) {
    public Recording {
        exchanges = List.copyOf(exchanges);
        pageTitles = java.util.Map.copyOf(pageTitles);
    }
}
