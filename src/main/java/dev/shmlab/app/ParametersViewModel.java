package dev.shmlab.app;

import dev.shmlab.InvalidInputException;
import dev.shmlab.scenario.RunPlan;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The parameters of one scenario as typed in the sheet. Valid when every field parses and the
 * scenario accepts the combination ({@link Scenario#plan}); {@link #problemProperty()} then says
 * what is wrong in one sentence, and {@link #planProperty()} holds the participants to expect.
 */
public final class ParametersViewModel {
    private final Scenario scenario;
    private final List<ParameterViewModel> parameters;
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<RunPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");

    public ParametersViewModel(Scenario scenario) {
        this.scenario = scenario;
        this.parameters = scenario.parameters().stream().map(ParameterViewModel::new).toList();
        parameters.forEach(p -> p.textProperty().addListener((obs, old, now) -> check()));
        check();
    }

    private void check() {
        String firstError = parameters.stream().map(p -> p.errorProperty().get()).filter(e -> e != null).findFirst().orElse(null);
        if (firstError != null) {
            problem.set(firstError);
            valid.set(false);
            return;
        }
        try {
            plan.set(scenario.plan(params()));
            problem.set(null);
            valid.set(true);
        } catch (InvalidInputException e) {
            problem.set(e.getMessage());
            valid.set(false);
        }
    }

    /** The checked values; only call while {@link #validProperty()} is true. */
    public ScenarioParams params() {
        Map<String, String> given = new LinkedHashMap<>();
        parameters.forEach(p -> given.put(p.name(), p.textProperty().get()));
        return ScenarioParams.of(scenario.parameters(), given, scenario.name());
    }

    /** Sets a parameter's text by name (presets, the command line); unknown names are rejected. */
    public void set(String name, String text) {
        parameters.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("--" + name + ": not a parameter of " + scenario.name()))
                .textProperty().set(text);
    }

    /** The parameters whose text differs from the default, as typed (what the preferences remember). */
    public Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        parameters.stream().filter(p -> !p.textProperty().get().equals(ParameterViewModel.display(p.spec().defaultValue())))
                .forEach(p -> given.put(p.name(), p.textProperty().get()));
        return given;
    }

    public ParameterViewModel parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<ParameterViewModel> parameters() {
        return parameters;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The participants and sync objects the current values would give; the last valid plan while invalid. */
    public ReadOnlyObjectProperty<RunPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }
}
