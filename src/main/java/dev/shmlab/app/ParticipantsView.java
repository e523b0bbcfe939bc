package dev.shmlab.app;

import dev.shmlab.layout.ParticipantState;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongFunction;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** One row per participant: identity, state, counters, latency; non-zero integrity counts in red. */
final class ParticipantsView extends TableView<ParticipantRow> {

    ParticipantsView(ObservableList<ParticipantRow> rows) {
        super(rows);
        setId("participantsTable");
        getStyleClass().add("participants");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new javafx.scene.control.Label("No participants"));
        TableColumn<ParticipantRow, String> name = new TableColumn<>("participant");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setCellFactory(c -> styled("name-cell"));
        name.setId("col-name");
        TableColumn<ParticipantRow, ParticipantState> state = new TableColumn<>("state");
        state.setCellValueFactory(c -> c.getValue().stateProperty());
        state.setCellFactory(c -> new StateCell());
        state.setId("col-state");
        // Each column gets its width, in ems: a column left at JavaFX's default width is measured
        // against its cells when the window first shows, which took a third of the window's start.
        add(name, 8.5);
        add(longColumn("PID", "pid", ParticipantRow::pidProperty, n -> n == 0 ? "–" : Long.toString(n), false), 5.5);
        add(state, 8.5);
        add(longColumn("steps", "steps", ParticipantRow::stepsProperty, Format::count, false), 6.5);
        add(longColumn("sent", "sent", ParticipantRow::sentProperty, Format::count, false), 6.5);
        add(longColumn("received", "received", ParticipantRow::receivedProperty, Format::count, false), 6.5);
        add(longColumn("bytes", "bytes", ParticipantRow::bytesProperty, Format::bytes, false), 6.5);
        add(longColumn("p50", "p50", ParticipantRow::p50Property, Format::latency, false), 6);
        add(longColumn("p99", "p99", ParticipantRow::p99Property, Format::latency, false), 6);
        add(longColumn("lost", "lost", ParticipantRow::lostProperty, Format::count, true), 5);
        add(longColumn("dup", "duplicated", ParticipantRow::duplicatedProperty, Format::count, true), 5);
        add(longColumn("corrupt", "corrupted", ParticipantRow::corruptedProperty, Format::count, true), 5.5);
    }

    private void add(TableColumn<ParticipantRow, ?> column, double ems) {
        column.setPrefWidth(Math.round(ems * javafx.scene.text.Font.getDefault().getSize()));
        getColumns().add(column);
    }

    /** Gives every filled row the context menu {@code menu} makes for its participant. */
    void setRowMenu(java.util.function.IntFunction<javafx.scene.control.ContextMenu> menu) {
        setRowFactory(table -> {
            javafx.scene.control.TableRow<ParticipantRow> row = new javafx.scene.control.TableRow<>();
            row.itemProperty().addListener((obs, old, now) -> row.setContextMenu(now == null ? null : menu.apply(now.index())));
            return row;
        });
    }

    private static TableColumn<ParticipantRow, Number> longColumn(String title, String id, Function<ParticipantRow, ReadOnlyLongProperty> property,
                                                                LongFunction<String> format, boolean integrity) {
        TableColumn<ParticipantRow, Number> column = new TableColumn<>(title);
        column.setId("col-" + id);
        column.setCellValueFactory(c -> property.apply(c.getValue()));
        column.setCellFactory(c -> new NumberCell(format, integrity));
        column.setSortable(false);
        return column;
    }

    private static TableCell<ParticipantRow, String> styled(String styleClass) {
        TableCell<ParticipantRow, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        cell.getStyleClass().add(styleClass);
        return cell;
    }

    /** A formatted number; an integrity count above zero turns the cell red. */
    private static final class NumberCell extends TableCell<ParticipantRow, Number> {
        private final LongFunction<String> format;
        private final boolean integrity;

        NumberCell(LongFunction<String> format, boolean integrity) {
            this.format = format;
            this.integrity = integrity;
        }

        @Override
        protected void updateItem(Number item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : format.apply(item.longValue()));
            boolean bad = integrity && !empty && item != null && item.longValue() > 0;
            getStyleClass().remove("integrity-bad");
            if (bad) {
                getStyleClass().add("integrity-bad");
            }
        }
    }

    /** The state as a coloured word, the same colours as the nodes. */
    private static final class StateCell extends TableCell<ParticipantRow, ParticipantState> {
        private final javafx.scene.control.Label badge = new javafx.scene.control.Label();
        private PseudoClass statePseudoClass;

        StateCell() {
            getStyleClass().add("state-cell");
            badge.getStyleClass().add("state-badge");
        }

        @Override
        protected void updateItem(ParticipantState item, boolean empty) {
            super.updateItem(item, empty);
            if (empty) {
                setGraphic(null);
                return;
            }
            String name = item == null ? "ready" : item.name().toLowerCase(Locale.ROOT);
            badge.setText(item == null ? "READY" : NodeViewModel.badge(item));
            if (statePseudoClass != null) {
                badge.pseudoClassStateChanged(statePseudoClass, false);
            }
            statePseudoClass = ParticipantNodeView.statePseudoClass(name);
            badge.pseudoClassStateChanged(statePseudoClass, true);
            setGraphic(badge);
        }
    }
}
