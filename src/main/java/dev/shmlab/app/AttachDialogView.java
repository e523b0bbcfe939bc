package dev.shmlab.app;

import dev.shmlab.app.AttachDialogViewModel.TargetKind;
import dev.shmlab.shm.IpcObject;
import java.io.File;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Attach to a segment…" dialog: the target (typed, or picked from the listed segments), the
 * layout (shipped, or a file), where its semaphores are, whether another user's segment may be
 * read; a failure shows as one line above the buttons and the dialog stays open.
 */
final class AttachDialogView extends VBox {
    static final String TITLE = "Attach to a segment";
    private static final Map<TargetKind, String> KIND_IDS = new EnumMap<>(Map.of(
            TargetKind.POSIX_NAME, "attachKindPosix", TargetKind.SYSV_KEY, "attachKindKey",
            TargetKind.FTOK, "attachKindFtok", TargetKind.SYSV_ID, "attachKindId"));

    private final AttachDialogViewModel model;
    private final Stage stage = new Stage();

    private AttachDialogView(AttachDialogViewModel model) {
        this.model = model;
        setId("attachDialog");
        getStyleClass().add("attach-dialog");
        Label intro = new Label("Watch a segment another program made, decoded by a layout. It is mapped read-only: "
                + "shmlab never writes to it, and only reads its semaphores' values.");
        intro.setWrapText(true);
        intro.getStyleClass().add("attach-intro");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("attach-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, inputs);
        grid.addRow(0, caption("Segment"), kinds());
        grid.addRow(1, new Label(), targetFields());
        Label pickCaption = caption("Or pick one");
        GridPane.setValignment(pickCaption, VPos.TOP);
        grid.addRow(2, pickCaption, picker());
        grid.addRow(3, caption("Layout"), layoutChoice());
        grid.addRow(4, caption("Semaphores"), semaphores());
        CheckBox other = new CheckBox("Allow a segment that belongs to another user");
        other.setId("attachAllowOther");
        other.selectedProperty().bindBidirectional(model.allowOtherOwnerProperty());
        grid.addRow(5, new Label(), other);
        Label problem = new Label();
        problem.setId("attachProblem");
        problem.getStyleClass().add("parameter-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().addAll(intro, grid, problem, buttons());
        VBox.setVgrow(grid, Priority.ALWAYS);
    }

    /** Opens the dialog over the window; it closes itself once attached, or on Cancel. */
    static void open(Window owner, AttachDialogViewModel model) {
        AttachDialogView view = new AttachDialogView(model);
        Scene scene = new Scene(view);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        view.setStyle("-fx-font-size: " + MainWindow.fontSize(owner.getHeight()) + "px;");
        view.stage.setScene(scene);
        view.stage.setTitle(TITLE);
        view.stage.initOwner(owner);
        view.stage.initModality(Modality.WINDOW_MODAL);
        view.stage.setOnHidden(e -> model.cancel());
        view.stage.show();
        model.refreshObjects();
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("attach-caption");
        return label;
    }

    private HBox kinds() {
        ToggleGroup group = new ToggleGroup();
        HBox row = new HBox(14);
        for (TargetKind kind : TargetKind.values()) {
            RadioButton button = new RadioButton(kind.toString());
            button.setId(KIND_IDS.get(kind));
            button.setUserData(kind);
            button.setToggleGroup(group);
            button.setSelected(model.kindProperty().get() == kind);
            row.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.kindProperty().set((TargetKind) now.getUserData());
            }
        });
        model.kindProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
        return row;
    }

    private StackPane targetFields() {
        StackPane fields = new StackPane(
                only(TargetKind.POSIX_NAME, field("attachName", model.posixNameProperty(), "/myshm")),
                only(TargetKind.SYSV_KEY, field("attachKey", model.sysvKeyProperty(), "0x4101002a, as ipcs -m shows it")),
                only(TargetKind.FTOK, ftokFields()),
                only(TargetKind.SYSV_ID, field("attachId", model.sysvIdProperty(), "32769, as ipcs -m shows it")));
        fields.setAlignment(Pos.CENTER_LEFT);
        return fields;
    }

    private HBox ftokFields() {
        TextField path = field("attachFtokPath", model.ftokPathProperty(), "the path your program passes to ftok");
        HBox.setHgrow(path, Priority.ALWAYS);
        TextField id = field("attachFtokId", model.ftokIdProperty(), "65");
        id.setPrefColumnCount(4);
        HBox row = new HBox(8, path, new Label("id"), id);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node only(TargetKind kind, Node node) {
        node.visibleProperty().bind(model.kindProperty().isEqualTo(kind));
        return node;
    }

    private static TextField field(String id, StringProperty text, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    private VBox picker() {
        ListView<IpcObject> list = new ListView<>(model.objects());
        list.setId("attachObjects");
        list.setPrefHeight(200);
        list.setPlaceholder(new Label("No shared-memory segment is visible."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(IpcObject o, boolean empty) {
                super.updateItem(o, empty);
                setText(empty || o == null ? null : describe(o));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.pick(now));
        Button refresh = new Button("Refresh");
        refresh.setId("attachRefresh");
        refresh.setOnAction(e -> model.refreshObjects());
        Label hint = new Label("what shmlab ls shows; a click fills the target in");
        hint.getStyleClass().add("semaphore-kind");
        HBox under = new HBox(10, refresh, hint);
        under.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, list, under);
    }

    /** One listed segment: {@code sysv-shm key=0x4100c1e9 id=7 · 1,032 bytes · alice · creator 4242 running}. */
    static String describe(IpcObject o) {
        String creator = o.creator() == null ? "" : " · creator " + o.creator().pid() + (o.creator().alive() ? " running" : " gone");
        return o.label() + " · " + Format.count(o.sizeBytes()) + " bytes · " + o.owner() + creator
                + (o.createdByShmlab() ? " · made by shmlab" : "");
    }

    private HBox layoutChoice() {
        ComboBox<String> layouts = new ComboBox<>(model.layouts());
        layouts.setId("attachLayout");
        layouts.valueProperty().bindBidirectional(model.layoutProperty());
        layouts.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(layouts, Priority.ALWAYS);
        Button choose = new Button("Choose file…");
        choose.setId("attachLayoutFile");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Layout description");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Layout descriptions (*.json)", "*.json"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File file = chooser.showOpenDialog(stage);
            if (file != null) {
                model.chooseLayoutFile(file.toPath());
            }
        });
        HBox row = new HBox(8, layouts, choose);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private TextField semaphores() {
        return field("attachSemaphores", model.semaphoresProperty(),
                "optional: LABEL=/NAME or LABEL=sysv:KEY,INDEX where the layout's semaphores really are");
    }

    private HBox buttons() {
        Button cancel = new Button("Cancel");
        cancel.setId("attachCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Button attach = new Button("Attach");
        attach.setId("attachConfirm");
        attach.setDefaultButton(true);
        attach.disableProperty().bind(model.busyProperty());
        attach.setOnAction(e -> model.attach(stage::close));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(10, spacer, cancel, attach);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }
}
