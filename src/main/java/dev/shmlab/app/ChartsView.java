package dev.shmlab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * Throughput, latency percentiles over the last minute and a latency histogram. Animation is off;
 * every series is rebuilt from the bounded data a few times a second, when the model's revision
 * changes.
 */
final class ChartsView extends GridPane {
    private final ChartsViewModel model;
    private final LineChart<Number, Number> messages;
    private final LineChart<Number, Number> megabytes;
    private final LineChart<Number, Number> latency;
    private final BarChart<String, Number> histogram;
    private final XYChart.Series<String, Number> bars = new XYChart.Series<>();
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);
    private boolean behind;

    ChartsView(ChartsViewModel model) {
        this.model = model;
        setId("chartsView");
        setHgap(8);
        setVgap(8);
        messages = lineChart("Messages per second", "msg/s", "messagesChart", 1);
        megabytes = lineChart("Megabytes per second", "MB/s", "megabytesChart", 1);
        latency = lineChart("Latency percentiles (µs, slowest participant)", "µs", "latencyChart", model.latencies().size());
        for (int i = 0; i < model.latencies().size(); i++) {
            latency.getData().get(i).setName(model.latencies().get(i).name());
        }
        latency.setLegendVisible(true);
        histogram = histogramChart();
        add(messages, 0, 0);
        add(megabytes, 1, 0);
        add(latency, 0, 1);
        add(withCaption(histogram), 1, 1);
        ColumnConstraints column = new ColumnConstraints();
        column.setPercentWidth(50);
        column.setHgrow(Priority.ALWAYS);
        RowConstraints row = new RowConstraints();
        row.setPercentHeight(50);
        row.setVgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(column, column);
        getRowConstraints().addAll(row, row);
        model.revisionProperty().addListener((obs, old, now) -> refreshIfShowing());
        showing.addListener((obs, old, now) -> refreshIfShowing());
    }

    /** Whether the charts are on screen; hidden charts skip their (costly) layout until shown again. */
    BooleanProperty showingProperty() {
        return showing;
    }

    private void refreshIfShowing() {
        behind = !showing.get();
        if (!behind) {
            refresh();
        }
    }

    private static LineChart<Number, Number> lineChart(String title, String unit, String id, int seriesCount) {
        NumberAxis time = new NumberAxis(0, ChartsViewModel.WINDOW_SECONDS, 10);
        time.setAutoRanging(false);
        time.setLabel("run time (s)");
        time.setAnimated(false);
        NumberAxis value = new NumberAxis();
        value.setLabel(unit);
        value.setForceZeroInRange(true);
        value.setAnimated(false);
        LineChart<Number, Number> chart = new LineChart<>(time, value);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        for (int i = 0; i < seriesCount; i++) {
            chart.getData().add(new XYChart.Series<>());
        }
        return chart;
    }

    private BarChart<String, Number> histogramChart() {
        CategoryAxis bins = new CategoryAxis();
        bins.setLabel("latency");
        bins.setAnimated(false);
        NumberAxis share = new NumberAxis();
        share.setLabel("% of messages");
        share.setAnimated(false);
        BarChart<String, Number> chart = new BarChart<>(bins, share);
        chart.setId("histogramChart");
        chart.setTitle("Latency histogram");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setBarGap(2);
        chart.setCategoryGap(6);
        chart.getData().add(bars);
        return chart;
    }

    private static VBox withCaption(BarChart<String, Number> chart) {
        Label caption = new Label("Estimated from the percentiles each participant publishes (p50, p90, p99, p99.9, max), "
                + "weighted by its message count; the lower half is spread between p50/2 and p50.");
        caption.getStyleClass().add("chart-caption");
        VBox box = new VBox(2, chart, caption);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return box;
    }

    private void refresh() {
        double now = model.nowProperty().get();
        double lower = Math.max(0, now - ChartsViewModel.WINDOW_SECONDS);
        fill(messages.getData().getFirst(), model.messagesPerSecond(), lower);
        fill(megabytes.getData().getFirst(), model.megabytesPerSecond(), lower);
        for (int i = 0; i < model.latencies().size(); i++) {
            fill(latency.getData().get(i), model.latencies().get(i), lower);
        }
        for (LineChart<Number, Number> chart : List.of(messages, megabytes, latency)) {
            NumberAxis time = (NumberAxis) chart.getXAxis();
            time.setLowerBound(lower);
            time.setUpperBound(lower + ChartsViewModel.WINDOW_SECONDS);
        }
        List<XYChart.Data<String, Number>> data = new ArrayList<>();
        for (LatencyHistogram.Bin bin : model.histogram()) {
            data.add(new XYChart.Data<>(bin.label(), bin.percent()));
        }
        ((CategoryAxis) histogram.getXAxis()).getCategories().setAll(data.stream().map(XYChart.Data::getXValue).toList());
        bars.getData().setAll(data);
    }

    private static void fill(XYChart.Series<Number, Number> series, TimeSeries source, double lower) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(source.size());
        for (int i = 0; i < source.size(); i++) {
            if (source.time(i) >= lower) {
                points.add(new XYChart.Data<>(source.time(i), source.value(i)));
            }
        }
        series.getData().setAll(points);
    }
}
