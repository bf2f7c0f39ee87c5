<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="39"/>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
</context>
<context>
    <name>imnn::gui::ConfigPanel</name>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="100"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="103"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="104"/>
        <source>`name`: the run directory is runs/&lt;name&gt;-&lt;date&gt;-&lt;time&gt; (no reference counterpart)</source>
        <translation>`name`: das Laufverzeichnis ist runs/&lt;name&gt;-&lt;Datum&gt;-&lt;Uhrzeit&gt; (keine Entsprechung in der Referenz)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="109"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="110"/>
        <source>`mode`: how the derivatives dd/dθ are obtained (reference: the IMNN class — SimulatorIMNN, GradientIMNN, NumericalGradientIMNN …)</source>
        <translation>`mode`: wie die Ableitungen dd/dθ bestimmt werden (Referenz: die IMNN-Klasse — SimulatorIMNN, GradientIMNN, NumericalGradientIMNN …)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="114"/>
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="119"/>
        <location filename="../app/gui/config_panel.cpp" line="144"/>
        <source>Plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="120"/>
        <source>`simulator.plugin` (reference: SimulatorIMNN(simulator=…))</source>
        <translation>`simulator.plugin` (Referenz: SimulatorIMNN(simulator=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="122"/>
        <source>Options (JSON)</source>
        <translation>Optionen (JSON)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="123"/>
        <source>`simulator.options`: the plugin&apos;s options as a JSON object</source>
        <translation>`simulator.options`: die Optionen des Plugins als JSON-Objekt</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="126"/>
        <source>parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="126"/>
        <source>θ_fid</source>
        <translation>θ_fid</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="126"/>
        <source>δθ</source>
        <translation>δθ</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="126"/>
        <source>prior low</source>
        <translation>Prior min</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="126"/>
        <source>prior high</source>
        <translation>Prior max</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="132"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="133"/>
        <source>`theta_fid` (reference: IMNN(θ_fid=…)) and `delta_theta` (reference: NumericalGradientIMNN(δθ=…)); the prior box comes from the plugin&apos;s descriptor</source>
        <translation>`theta_fid` (Referenz: IMNN(θ_fid=…)) und `delta_theta` (Referenz: NumericalGradientIMNN(δθ=…)); der Prior-Bereich stammt aus der Beschreibung des Plugins</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="139"/>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="145"/>
        <source>`network.plugin` (reference: IMNN(model=stax.serial(…)))</source>
        <translation>`network.plugin` (Referenz: IMNN(model=stax.serial(…)))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="147"/>
        <source>Hidden widths</source>
        <translation>Verdeckte Schichten</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="148"/>
        <source>`network.options.hidden`: widths of the hidden layers, e.g. 128, 128, 128 (reference: stax.Dense(128) per layer)</source>
        <translation>`network.options.hidden`: Breiten der verdeckten Schichten, z. B. 128, 128, 128 (Referenz: stax.Dense(128) je Schicht)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="153"/>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="154"/>
        <source>`network.options.activation` (reference: stax.LeakyRelu, stax.Tanh …)</source>
        <translation>`network.options.activation` (Referenz: stax.LeakyRelu, stax.Tanh …)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="155"/>
        <source>auto (n_params)</source>
        <translation>automatisch (n_params)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="156"/>
        <source>n_summaries</source>
        <translation>n_summaries</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="157"/>
        <source>`n_summaries`: summaries the network outputs (reference: IMNN(n_summaries=…))</source>
        <translation>`n_summaries`: Anzahl der Zusammenfassungen, die das Netz ausgibt (Referenz: IMNN(n_summaries=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="160"/>
        <source>Fit</source>
        <translation>Anpassen</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="163"/>
        <source>n_s</source>
        <translation>n_s</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="164"/>
        <source>`n_s`: simulations for the covariance (reference: IMNN(n_s=…))</source>
        <translation>`n_s`: Simulationen für die Kovarianz (Referenz: IMNN(n_s=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="166"/>
        <source>n_d</source>
        <translation>n_d</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="167"/>
        <source>`n_d`: simulations with derivatives, n_d ≤ n_s (reference: IMNN(n_d=…))</source>
        <translation>`n_d`: Simulationen mit Ableitungen, n_d ≤ n_s (Referenz: IMNN(n_d=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="170"/>
        <source>Optimiser</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="171"/>
        <source>`optimiser.name` (reference: IMNN(optimiser=optax.adam(…)))</source>
        <translation>`optimiser.name` (Referenz: IMNN(optimiser=optax.adam(…)))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="173"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="174"/>
        <source>`optimiser.learning_rate` (reference: optax.adam(learning_rate=1e-3))</source>
        <translation>`optimiser.learning_rate` (Referenz: optax.adam(learning_rate=1e-3))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="176"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="177"/>
        <source>`fit.lambda`: regulariser strength (reference: IMNN.fit(λ=10))</source>
        <translation>`fit.lambda`: Stärke des Regularisierers (Referenz: IMNN.fit(λ=10))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="179"/>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="180"/>
        <source>`fit.epsilon`: closeness of C to the identity (reference: IMNN.fit(ϵ=0.1))</source>
        <translation>`fit.epsilon`: Nähe von C zur Einheitsmatrix (Referenz: IMNN.fit(ϵ=0.1))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="182"/>
        <source>Patience</source>
        <translation>Geduld</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="183"/>
        <source>`fit.patience`: iterations without improvement before stopping, counted after min_iterations (reference: IMNN.fit(patience=100))</source>
        <translation>`fit.patience`: Iterationen ohne Verbesserung bis zum Abbruch, gezählt nach min_iterations (Referenz: IMNN.fit(patience=100))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="186"/>
        <source>Min iterations</source>
        <translation>Min. Iterationen</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="187"/>
        <source>`fit.min_iterations` (reference: IMNN.fit(min_iterations=100))</source>
        <translation>`fit.min_iterations` (Referenz: IMNN.fit(min_iterations=100))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="189"/>
        <source>Max iterations</source>
        <translation>Max. Iterationen</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="190"/>
        <source>`fit.max_iterations` (reference: IMNN.fit(max_iterations=100000))</source>
        <translation>`fit.max_iterations` (Referenz: IMNN.fit(max_iterations=100000))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="192"/>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="193"/>
        <source>`seed`: one seed for the weights and every simulation (reference: IMNN(key=…) and IMNN.fit(rng=…))</source>
        <translation>`seed`: ein Startwert für die Gewichte und jede Simulation (Referenz: IMNN(key=…) und IMNN.fit(rng=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="195"/>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="196"/>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="197"/>
        <source>`threads`: compute threads, 0 = all cores (reference: the JAX devices)</source>
        <translation>`threads`: Rechen-Threads, 0 = alle Kerne (Referenz: die JAX-Geräte)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="237"/>
        <source>a config must be a JSON object, got %1</source>
        <translation>eine Konfiguration muss ein JSON-Objekt sein, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="289"/>
        <source>cannot open %1: %2; check the path</source>
        <translation>%1 lässt sich nicht öffnen: %2; prüfen Sie den Pfad</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="294"/>
        <source>%1 is not valid JSON; fix the syntax (the CLI reports the line: imnn fit %1)</source>
        <translation>%1 ist kein gültiges JSON; korrigieren Sie die Syntax (die Kommandozeile nennt die Zeile: imnn fit %1)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="304"/>
        <source>cannot write %1: %2; choose another folder</source>
        <translation>%1 lässt sich nicht schreiben: %2; wählen Sie einen anderen Ordner</translation>
    </message>
</context>
<context>
    <name>imnn::gui::CornerPlot</name>
    <message>
        <location filename="../app/gui/corner_plot.cpp" line="81"/>
        <source>No posterior yet: fit an IMNN or open a run</source>
        <translation>Noch keine Posterior-Verteilung: passen Sie ein IMNN an oder öffnen Sie einen Lauf</translation>
    </message>
</context>
<context>
    <name>imnn::gui::FitController</name>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="28"/>
        <source>a fit is already running; stop it first</source>
        <translation>es läuft bereits eine Anpassung; stoppen Sie sie zuerst</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="121"/>
        <source>The fit stopped: %1. The history so far is in %2</source>
        <translation>Die Anpassung wurde abgebrochen: %1. Der bisherige Verlauf liegt in %2</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="126"/>
        <source>det F = %1 (validation, kept %2 weights; training %3) after %4 iterations in %5 s, stopped by %6 → %7</source>
        <translation>det F = %1 (Validierung, %2 Gewichte behalten; Training %3) nach %4 Iterationen in %5 s, beendet durch %6 → %7</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="129"/>
        <source>best</source>
        <translation>beste</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="129"/>
        <source>final</source>
        <translation>letzte</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="134"/>
        <source>No iteration was run (%1) → %2</source>
        <translation>Keine Iteration wurde ausgeführt (%1) → %2</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="139"/>
        <source>The result could not be written: %1</source>
        <translation>Das Ergebnis konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>imnn::gui::HistoryPlot</name>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="43"/>
        <source>det F</source>
        <translation>det F</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="44"/>
        <source>det C, det C⁻¹</source>
        <translation>det C, det C⁻¹</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="45"/>
        <location filename="../app/gui/history_plot.cpp" line="57"/>
        <source>Λ2</source>
        <translation>Λ2</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="46"/>
        <location filename="../app/gui/history_plot.cpp" line="59"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="49"/>
        <source>iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="53"/>
        <source>det F (training)</source>
        <translation>det F (Training)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="54"/>
        <source>det F (validation)</source>
        <translation>det F (Validierung)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="55"/>
        <source>det C</source>
        <translation>det C</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="56"/>
        <source>det C⁻¹</source>
        <translation>det C⁻¹</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="58"/>
        <source>r (right axis)</source>
        <translation>r (rechte Achse)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="66"/>
        <source>r</source>
        <translation>r</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="114"/>
        <source>det F: %1</source>
        <translation>det F: %1</translation>
    </message>
</context>
<context>
    <name>imnn::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="65"/>
        <location filename="../app/gui/main_window.cpp" line="105"/>
        <source>Fit</source>
        <translation>Anpassen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="65"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="68"/>
        <source>IMNN Studio</source>
        <translation>IMNN Studio</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="75"/>
        <source>Fit the IMNN with this configuration (Ctrl+R); the run is written to the runs folder as `imnn fit` does</source>
        <translation>Das IMNN mit dieser Konfiguration anpassen (Strg+R); der Lauf wird wie von `imnn fit` in den Lauf-Ordner geschrieben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="77"/>
        <source>Stop the fit after the current iteration; the run is kept</source>
        <translation>Die Anpassung nach der laufenden Iteration stoppen; der Lauf bleibt erhalten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="78"/>
        <source>e.g. 50</source>
        <translation>z. B. 50</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="79"/>
        <source>Draws a dashed line at this det F on the history plot (e.g. the analytic det F = 50 of the Gaussian example)</source>
        <translation>Zeichnet eine gestrichelte Linie bei diesem det F in den Verlauf (z. B. das analytische det F = 50 des Gauß-Beispiels)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="81"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="93"/>
        <source>Expected det F</source>
        <translation>Erwartetes det F</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="106"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="109"/>
        <source>Export PNG / PDF…</source>
        <translation>Als PNG / PDF exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="111"/>
        <source>Fisher forecast: the Gaussian approximation N(θ_fid, F⁻¹) of the last fit or opened run (ABC and PMC follow with the Infer panel)</source>
        <translation>Fisher-Vorhersage: die Gauß-Näherung N(θ_fid, F⁻¹) der letzten Anpassung oder des geöffneten Laufs (ABC und PMC folgen mit dem Inferenz-Bereich)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="116"/>
        <source>Posterior</source>
        <translation>Posterior</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="136"/>
        <source>patience counts after %1</source>
        <translation>Geduld zählt ab %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="137"/>
        <source>patience %1/%2</source>
        <translation>Geduld %1/%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="159"/>
        <source>the built-in example gaussian_mean_variance.json was not found beside the executable (share/imnn-studio/examples); reinstall, or open a config with File ▸ Open</source>
        <translation>das eingebaute Beispiel gaussian_mean_variance.json wurde neben dem Programm nicht gefunden (share/imnn-studio/examples); installieren Sie neu oder öffnen Sie eine Konfiguration mit Datei ▸ Öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="163"/>
        <source>error: %1; the built-in example is shown</source>
        <translation>Fehler: %1; das eingebaute Beispiel wird gezeigt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="172"/>
        <source>No simulator plugin was found (Tools ▸ Plugins lists the folders searched and why files were skipped); pass --plugin-dir or set IMNN_PLUGIN_PATH</source>
        <translation>Kein Simulator-Plugin gefunden (Werkzeuge ▸ Plugins zeigt die durchsuchten Ordner und warum Dateien übersprungen wurden); geben Sie --plugin-dir an oder setzen Sie IMNN_PLUGIN_PATH</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="182"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="183"/>
        <source>&amp;Open config…</source>
        <translation>Konfiguration ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="185"/>
        <source>&amp;Save config as…</source>
        <translation>Konfiguration &amp;speichern unter…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="187"/>
        <source>Open the Gaussian &amp;example</source>
        <translation>Gauß-&amp;Beispiel öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="191"/>
        <source>resources/examples/gaussian_mean_variance.json</source>
        <translation>resources/examples/gaussian_mean_variance.json</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="192"/>
        <source>Open &amp;runs folder…</source>
        <translation>&amp;Lauf-Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="193"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="195"/>
        <source>&amp;Export corner plot…</source>
        <translation>Corner-Plot &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="196"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="198"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="201"/>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="202"/>
        <source>&amp;Fit</source>
        <translation>&amp;Anpassen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="203"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="204"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="205"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="206"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="207"/>
        <source>&amp;Plugins…</source>
        <translation>&amp;Plugins…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="208"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="211"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="222"/>
        <source>The language changes at the next start of IMNN Studio</source>
        <translation>Die Sprache wechselt beim nächsten Start von IMNN Studio</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="226"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="245"/>
        <source>Fit the IMNN with this configuration (Ctrl+R)</source>
        <translation>Das IMNN mit dieser Konfiguration anpassen (Strg+R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="246"/>
        <source>Fix the configuration first: `%1`: %2</source>
        <translation>Korrigieren Sie zuerst die Konfiguration: `%1`: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="262"/>
        <location filename="../app/gui/main_window.cpp" line="264"/>
        <location filename="../app/gui/main_window.cpp" line="291"/>
        <location filename="../app/gui/main_window.cpp" line="346"/>
        <location filename="../app/gui/main_window.cpp" line="355"/>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="271"/>
        <source>Stopping after the current iteration…</source>
        <translation>Stoppt nach der laufenden Iteration…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="281"/>
        <source>%v / %m iterations</source>
        <translation>%v / %m Iterationen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="284"/>
        <source>patience 0/%1</source>
        <translation>Geduld 0/%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="285"/>
        <source>Fitting → %1</source>
        <translation>Anpassung läuft → %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="292"/>
        <source>Fit finished</source>
        <translation>Anpassung beendet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="292"/>
        <source>Fit stopped with an error</source>
        <translation>Anpassung mit einem Fehler abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="328"/>
        <source>Fisher forecast %1</source>
        <translation>Fisher-Vorhersage %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="329"/>
        <source>θ_fid</source>
        <translation>θ_fid</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="331"/>
        <source>cannot show the Fisher forecast of %1: %2</source>
        <translation>die Fisher-Vorhersage von %1 lässt sich nicht zeigen: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="342"/>
        <source>Open a run configuration</source>
        <translation>Eine Laufkonfiguration öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="343"/>
        <location filename="../app/gui/main_window.cpp" line="351"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="350"/>
        <source>Save the run configuration</source>
        <translation>Die Laufkonfiguration speichern</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="357"/>
        <source>Saved %1; run it headless with: imnn fit %1</source>
        <translation>%1 gespeichert; ohne Fenster ausführen mit: imnn fit %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="362"/>
        <source>Folder holding run directories</source>
        <translation>Ordner mit Laufverzeichnissen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="370"/>
        <source>Export the corner plot</source>
        <translation>Den Corner-Plot exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="371"/>
        <source>PNG (*.png);;PDF (*.pdf)</source>
        <translation>PNG (*.png);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="375"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="376"/>
        <source>error: cannot write %1; choose another folder</source>
        <translation>Fehler: %1 lässt sich nicht schreiben; wählen Sie einen anderen Ordner</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="384"/>
        <source>A fit is running</source>
        <translation>Eine Anpassung läuft</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="385"/>
        <source>Stop the fit and quit? The run is kept in %1.</source>
        <translation>Anpassung stoppen und beenden? Der Lauf bleibt in %1 erhalten.</translation>
    </message>
</context>
<context>
    <name>imnn::gui::PluginsDialog</name>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="48"/>
        <source>Plugins</source>
        <translation>Plugins</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="50"/>
        <source>plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="50"/>
        <source>details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="54"/>
        <source>Simulators (%1)</source>
        <translation>Simulatoren (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="57"/>
        <location filename="../app/gui/plugins_dialog.cpp" line="71"/>
        <source>version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="58"/>
        <location filename="../app/gui/plugins_dialog.cpp" line="72"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="59"/>
        <source>parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="60"/>
        <source>θ_fid</source>
        <translation>θ_fid</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="61"/>
        <source>δθ</source>
        <translation>δθ</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="62"/>
        <source>prior low</source>
        <translation>Prior min</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="63"/>
        <source>prior high</source>
        <translation>Prior max</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="64"/>
        <source>input shape</source>
        <translation>Eingabeform</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="65"/>
        <source>Jacobian</source>
        <translation>Jacobi-Matrix</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="65"/>
        <source>yes (simulate_with_jacobian)</source>
        <translation>ja (simulate_with_jacobian)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="65"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="68"/>
        <source>Networks (%1)</source>
        <translation>Netze (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="76"/>
        <source>Skipped (%1)</source>
        <translation>Übersprungen (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="76"/>
        <source>file or folder: reason</source>
        <translation>Datei oder Ordner: Grund</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="79"/>
        <source>Searched folders</source>
        <translation>Durchsuchte Ordner</translation>
    </message>
</context>
<context>
    <name>imnn::gui::RunBrowser</name>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="22"/>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="23"/>
        <source>Choose the folder whose run directories are listed (runs/ of the CLI)</source>
        <translation>Den Ordner wählen, dessen Laufverzeichnisse gezeigt werden (runs/ der Kommandozeile)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="24"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="25"/>
        <source>Overlay selected</source>
        <translation>Auswahl überlagern</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="26"/>
        <source>Select several runs (Ctrl+click) to overlay their det F on the open run&apos;s plot</source>
        <translation>Mehrere Läufe wählen (Strg+Klick), um ihr det F über den Verlauf des offenen Laufs zu legen</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="98"/>
        <source>%1 does not exist yet: runs appear here after the first fit</source>
        <translation>%1 existiert noch nicht: Läufe erscheinen hier nach der ersten Anpassung</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="109"/>
        <source>finished: %1</source>
        <translation>beendet: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="110"/>
        <source>being written or interrupted: %1</source>
        <translation>wird geschrieben oder wurde unterbrochen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="124"/>
        <source>%1 has no history.csv: not a run directory of IMNN Studio (imnn fit writes one)</source>
        <translation>%1 hat keine history.csv: kein Laufverzeichnis von IMNN Studio (imnn fit schreibt eine)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="167"/>
        <source>%1: %2 iterations so far, following the run as it is written</source>
        <translation>%1: bisher %2 Iterationen, der Lauf wird beim Schreiben verfolgt</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="182"/>
        <source>stopped with an error: %1</source>
        <translation>mit einem Fehler abgebrochen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="184"/>
        <source>det F = %1 (validation), stopped by %2</source>
        <translation>det F = %1 (Validierung), beendet durch %2</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="187"/>
        <source>%1: %2 iterations, %3</source>
        <translation>%1: %2 Iterationen, %3</translation>
    </message>
</context>
</TS>
