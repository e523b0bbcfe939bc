package dev.shmlab.app;

import dev.shmlab.InvalidInputException;
import dev.shmlab.scenario.ParamSpec;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.Editors;
import org.controlsfx.property.editor.PropertyEditor;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * The selected scenario's parameters in a property sheet. Each field is checked as it is typed
 * with the same {@link ParamSpec#parse} the command line uses; a bad field gets a red frame and
 * an error mark (ControlsFX decorations), and the sentence saying what is allowed stands under the
 * sheet in large type.
 */
final class ParametersView extends VBox {
    private final PropertySheet sheet = new PropertySheet();
    private ValidationSupport validation;

    ParametersView(MainViewModel model) {
        setSpacing(6);
        setId("parametersView");
        Label title = new Label("Parameters");
        title.getStyleClass().add("section-title");
        sheet.setId("parameterSheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.disableProperty().bind(model.canEditProperty().not());
        Label problem = new Label();
        problem.setId("parameterProblem");
        problem.getStyleClass().add("parameter-problem");
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        VBox.setVgrow(sheet, Priority.ALWAYS);
        getChildren().addAll(title, sheet, problem);
        model.parametersProperty().addListener((obs, old, now) -> show(now, problem));
        show(model.parametersProperty().get(), problem);
    }

    private void show(ParametersViewModel parameters, Label problem) {
        validation = new ValidationSupport();
        validation.setValidationDecorator(new CompoundValidationDecoration(
                new GraphicValidationDecoration(), new StyleClassValidationDecoration("error", "warning")));
        sheet.setPropertyEditorFactory(item -> editor((ParameterItem) item));
        sheet.getItems().setAll(parameters.parameters().stream().map(ParameterItem::new).toList());
        problem.textProperty().unbind();
        problem.textProperty().bind(parameters.problemProperty());
    }

    private PropertyEditor<?> editor(ParameterItem item) {
        ParamSpec spec = item.parameter.spec();
        PropertyEditor<?> editor = switch (spec.type()) {
            case CHOICE -> Editors.createChoiceEditor(item, spec.choices());
            case BOOLEAN -> Editors.createCheckEditor(item);
            default -> Editors.createTextEditor(item);
        };
        Node node = editor.getEditor();
        node.setId("param-" + spec.name());
        if (node instanceof Control control) {
            control.setTooltip(new Tooltip(item.parameter.help()));
            validation.registerValidator(control, false, validator(spec));
        }
        return editor;
    }

    private static Validator<Object> validator(ParamSpec spec) {
        return (control, value) -> {
            try {
                spec.parse(String.valueOf(value));
                return new ValidationResult();
            } catch (InvalidInputException e) {
                return ValidationResult.fromError(control, e.getMessage());
            }
        };
    }

    /** Adapts a parameter's text property to the sheet (booleans as check boxes). */
    private static final class ParameterItem implements PropertySheet.Item {
        private final ParameterViewModel parameter;

        ParameterItem(ParameterViewModel parameter) {
            this.parameter = parameter;
        }

        private boolean isBoolean() {
            return parameter.spec().type() == ParamSpec.Type.BOOLEAN;
        }

        @Override
        public Class<?> getType() {
            return isBoolean() ? Boolean.class : String.class;
        }

        @Override
        public String getCategory() {
            return "parameters";
        }

        @Override
        public String getName() {
            return parameter.name();
        }

        @Override
        public String getDescription() {
            return parameter.help();
        }

        @Override
        public Object getValue() {
            String text = parameter.textProperty().get();
            return isBoolean() ? Boolean.valueOf(text) : text;
        }

        @Override
        public void setValue(Object value) {
            parameter.textProperty().set(String.valueOf(value));
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.of(parameter.textProperty());
        }
    }
}
