<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Numbers</name>
    <message>
        <location filename="../app/gui/number_format.cpp" line="64"/>
        <source>empty: type a number, e.g. %1</source>
        <translation>leer: geben Sie eine Zahl ein, z. B. %1</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="71"/>
        <source>&apos;%1&apos; is not a finite number</source>
        <translation>&apos;%1&apos; ist keine endliche Zahl</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="77"/>
        <source>&apos;%1&apos; has a decimal point, but this session&apos;s decimal mark is the comma: type %2</source>
        <translation>&apos;%1&apos; enthält einen Dezimalpunkt, das Dezimalzeichen ist hier aber das Komma: geben Sie %2 ein</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="80"/>
        <source>&apos;%1&apos; has a decimal comma, but this session&apos;s decimal mark is the point: type %2</source>
        <translation>&apos;%1&apos; enthält ein Dezimalkomma, das Dezimalzeichen ist hier aber der Punkt: geben Sie %2 ein</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="85"/>
        <source>&apos;%1&apos; is not a number; type e.g. %2</source>
        <translation>&apos;%1&apos; ist keine Zahl; geben Sie z. B. %2 ein</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="96"/>
        <source>&apos;%1&apos; is not an integer; type digits only, e.g. 42</source>
        <translation>&apos;%1&apos; ist keine ganze Zahl; nur Ziffern, z. B. 42</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="106"/>
        <source>&apos;%1&apos; is not an integer ≥ 0; type digits only, e.g. 42</source>
        <translation>&apos;%1&apos; ist keine ganze Zahl ≥ 0; nur Ziffern, z. B. 42</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="124"/>
        <source>&apos;%1&apos;: separate numbers with &apos;;&apos; or spaces, since the comma is this session&apos;s decimal mark (e.g. %2)</source>
        <translation>&apos;%1&apos;: trennen Sie Zahlen mit &apos;;&apos; oder Leerzeichen, denn das Komma ist hier das Dezimalzeichen (z. B. %2)</translation>
    </message>
</context>
<context>
    <name>OptionText</name>
    <message>
        <location filename="../app/gui/option_text.cpp" line="25"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location filename="../app/gui/option_text.cpp" line="26"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../app/gui/option_text.cpp" line="91"/>
        <source>range %1</source>
        <translation>Bereich %1</translation>
    </message>
    <message>
        <location filename="../app/gui/option_text.cpp" line="93"/>
        <source>unit: %1</source>
        <translation>Einheit: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/option_text.cpp" line="95"/>
        <source>default: %1</source>
        <translation>Vorgabe: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/option_text.cpp" line="97"/>
        <source>no reference counterpart</source>
        <translation>keine Entsprechung in der Referenz</translation>
    </message>
    <message>
        <location filename="../app/gui/option_text.cpp" line="98"/>
        <source>reference imnn: %1</source>
        <translation>Referenz imnn: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="42"/>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
</context>
<context>
    <name>imnn::gui::ConfigPanel</name>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="145"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="148"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="152"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="157"/>
        <location filename="../app/gui/config_panel.cpp" line="558"/>
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="164"/>
        <location filename="../app/gui/config_panel.cpp" line="203"/>
        <source>Plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="167"/>
        <source>Options (JSON)</source>
        <translation>Optionen (JSON)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="171"/>
        <source>parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="171"/>
        <source>θ_fid</source>
        <translation>θ_fid</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="171"/>
        <source>δθ</source>
        <translation>δθ</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="171"/>
        <source>prior low</source>
        <translation>Prior min</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="171"/>
        <source>prior high</source>
        <translation>Prior max</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="180"/>
        <location filename="../app/gui/config_panel.cpp" line="558"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="197"/>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="220"/>
        <source>auto (n_params)</source>
        <translation>automatisch (n_params)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="224"/>
        <source>n_summaries</source>
        <translation>n_summaries</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="227"/>
        <source>Fit</source>
        <translation>Anpassen</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="230"/>
        <source>n_s</source>
        <translation>n_s</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="232"/>
        <source>n_d</source>
        <translation>n_d</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="235"/>
        <source>Optimiser</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="239"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="242"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="244"/>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="246"/>
        <source>Patience</source>
        <translation>Geduld</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="248"/>
        <source>Min iterations</source>
        <translation>Min. Iterationen</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="251"/>
        <source>Max iterations</source>
        <translation>Max. Iterationen</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="254"/>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="304"/>
        <source>CPU devices</source>
        <translation>CPU-Geräte</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="308"/>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="310"/>
        <source>This box sets `threads` and every `devices[i].threads`.</source>
        <translation>Dieses Feld setzt `threads` und jedes `devices[i].threads`.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="312"/>
        <source>CUDA GPUs</source>
        <translation>CUDA-GPUs</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="320"/>
        <source>Reference: AggregatedSimulatorIMNN(n_per_device=…)</source>
        <translation>Referenz: AggregatedSimulatorIMNN(n_per_device=…)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="322"/>
        <source>Memory budget (MB)</source>
        <translation>Speicherbudget (MB)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="453"/>
        <source>%1; fix it in a text editor</source>
        <translation>%1; korrigieren Sie die Datei in einem Texteditor</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="584"/>
        <source>`network.options.%1`: %2 (an option of the %3 plugin; reference: the layers of its stax model)</source>
        <translation>`network.options.%1`: %2 (eine Option des Plugins %3; Referenz: die Schichten seines stax-Modells)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="587"/>
        <source>no description</source>
        <translation>keine Beschreibung</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="690"/>
        <source>give the plugin&apos;s options as a JSON object {…}</source>
        <translation>geben Sie die Optionen des Plugins als JSON-Objekt {…} an</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="699"/>
        <source>%1 of %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="299"/>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="153"/>
        <source>Reference: the IMNN class (SimulatorIMNN, GradientIMNN, NumericalGradientIMNN …)</source>
        <translation>Referenz: die IMNN-Klasse (SimulatorIMNN, GradientIMNN, NumericalGradientIMNN …)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="165"/>
        <source>Reference: SimulatorIMNN(simulator=…)</source>
        <translation>Referenz: SimulatorIMNN(simulator=…)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="182"/>
        <source>The prior box comes from the plugin&apos;s descriptor.</source>
        <translation>Die Prior-Box stammt aus der Beschreibung des Plugins.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="204"/>
        <source>Reference: IMNN(model=stax.serial(…))</source>
        <translation>Referenz: IMNN(model=stax.serial(…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="236"/>
        <source>This box sets `optimiser.name`; the file may give the other keys.</source>
        <translation>Dieses Feld setzt `optimiser.name`; die übrigen Schlüssel können in der Datei stehen.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="240"/>
        <source>This box sets `optimiser.learning_rate`.</source>
        <translation>Dieses Feld setzt `optimiser.learning_rate`.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="305"/>
        <source>This box sets the number of CPU devices, each with its own worker thread and backend (reference: AggregatedSimulatorIMNN(devices=…), the JAX devices).</source>
        <translation>Dieses Feld setzt die Anzahl der CPU-Geräte, jedes mit eigenem Arbeitsthread und Backend (Referenz: AggregatedSimulatorIMNN(devices=…), die JAX-Geräte).</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="309"/>
        <source>Threads per device</source>
        <translation>Threads pro Gerät</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="334"/>
        <source>More settings</source>
        <translation>Weitere Einstellungen</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="315"/>
        <source>No CUDA device/build is available: this build of the engine computes on the CPU only (set the CPU devices and threads above)</source>
        <translation>Kein CUDA-Gerät/-Build verfügbar: dieser Build der Engine rechnet nur auf der CPU (CPU-Geräte und Threads oben einstellen)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="317"/>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="318"/>
        <source>whole set</source>
        <translation>ganzer Satz</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="319"/>
        <source>n_per_device</source>
        <translation>n_per_device</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="326"/>
        <source>Stream arrays</source>
        <translation>Arrays streamen</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="379"/>
        <source>a config must be a JSON object, got %1</source>
        <translation>eine Konfiguration muss ein JSON-Objekt sein, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="446"/>
        <source>cannot open %1: %2; check the path</source>
        <translation>%1 lässt sich nicht öffnen: %2; prüfen Sie den Pfad</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="462"/>
        <source>cannot write %1: %2; choose another folder</source>
        <translation>%1 lässt sich nicht schreiben: %2; wählen Sie einen anderen Ordner</translation>
    </message>
</context>
<context>
    <name>imnn::gui::CornerPlot</name>
    <message>
        <location filename="../app/gui/corner_plot.cpp" line="182"/>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/corner_plot.cpp" line="184"/>
        <source>Undo the zoom and pan: every axis spans the posterior again</source>
        <translation>Zoom und Verschiebung rückgängig machen: jede Achse umfasst wieder die Posterior</translation>
    </message>
    <message>
        <location filename="../app/gui/corner_plot.cpp" line="344"/>
        <source>No posterior yet: fit an IMNN or open a run</source>
        <translation>Noch keine Posterior-Verteilung: passen Sie ein IMNN an oder öffnen Sie einen Lauf</translation>
    </message>
</context>
<context>
    <name>imnn::gui::DataFilesBox</name>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="49"/>
        <source>Data files</source>
        <translation>Datendateien</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="51"/>
        <source>Fiducial</source>
        <translation>Fiduzial</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="51"/>
        <source>Derivative</source>
        <translation>Ableitung</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="51"/>
        <source>Validation fiducial</source>
        <translation>Validierung fiduzial</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="52"/>
        <source>Validation derivative</source>
        <translation>Validierung Ableitung</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="66"/>
        <source>.npy, .npz:member or .h5:/dataset</source>
        <translation>.npy, .npz:Mitglied oder .h5:/Datensatz</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="66"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="67"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="87"/>
        <source>%1 array</source>
        <translation>Array %1</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="88"/>
        <source>Arrays (*.npy *.npz *.h5 *.hdf5);;All files (*)</source>
        <translation>Arrays (*.npy *.npz *.h5 *.hdf5);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>imnn::gui::EngineText</name>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="14"/>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="15"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="16"/>
        <source>a finite number</source>
        <translation>eine endliche Zahl</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="17"/>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="18"/>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="19"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="20"/>
        <source>an array</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="21"/>
        <source>an array of integers</source>
        <translation>eine Liste ganzer Zahlen</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="22"/>
        <source>an array of numbers</source>
        <translation>eine Liste von Zahlen</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="23"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="24"/>
        <source>an object {...}</source>
        <translation>ein Objekt {...}</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="25"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="48"/>
        <source>must be &gt; %1, got %2</source>
        <translation>muss &gt; %1 sein, ist %2</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="51"/>
        <source>must be &gt;= %1, got %2</source>
        <translation>muss &gt;= %1 sein, ist %2</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="54"/>
        <source>must be between %1 and %2, got %3</source>
        <translation>muss zwischen %1 und %2 liegen, ist %3</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="57"/>
        <source>must be a finite number</source>
        <translation>muss eine endliche Zahl sein</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="64"/>
        <source>expected %1, got %2</source>
        <translation>erwartet: %1, erhalten: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="68"/>
        <source>must not exceed %1</source>
        <translation>darf %1 nicht überschreiten</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="71"/>
        <source>%1 must not exceed %2</source>
        <translation>%1 darf %2 nicht überschreiten</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="75"/>
        <source>unknown key; remove it or use one of: %1</source>
        <translation>unbekannter Schlüssel; entfernen Sie ihn oder verwenden Sie einen von: %1</translation>
    </message>
</context>
<context>
    <name>imnn::gui::FitController</name>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="61"/>
        <source>a fit is already running; stop it first</source>
        <translation>es läuft bereits eine Anpassung; stoppen Sie sie zuerst</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="151"/>
        <source>Fitting → %1</source>
        <translation>Anpassung läuft → %1</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="179"/>
        <source>Paused after %1 / %2 iterations; Resume continues the same fit (%3)</source>
        <translation>Angehalten nach %1 / %2 Iterationen; Fortsetzen setzt dieselbe Anpassung fort (%3)</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="239"/>
        <source>The fit stopped: %1. The history so far is in %2</source>
        <translation>Die Anpassung wurde abgebrochen: %1. Der bisherige Verlauf liegt in %2</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="245"/>
        <source>det F = %L1 (validation, kept %2 weights; training %L3) in %L4 s, %5 → %6</source>
        <translation>det F = %L1 (Validierung, %2 Gewichte behalten; Training %L3) in %L4 s, %5 → %6</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="248"/>
        <source>best</source>
        <translation>beste</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="248"/>
        <source>final</source>
        <translation>letzte</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="254"/>
        <source>No iteration was run (%1) → %2</source>
        <translation>Keine Iteration wurde ausgeführt (%1) → %2</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="259"/>
        <source>The result could not be written: %1</source>
        <translation>Das Ergebnis konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>imnn::gui::FitProgress</name>
    <message>
        <location filename="../app/gui/fit_progress.cpp" line="61"/>
        <source>%1 elapsed · %2 it/s</source>
        <translation>%1 vergangen · %2 it/s</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_progress.cpp" line="65"/>
        <source> · %1 left to max_iterations</source>
        <translation> · noch %1 bis max_iterations</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_progress.cpp" line="67"/>
        <source> · ≈ %1 to the patience stop</source>
        <translation> · ≈ %1 bis zum Geduld-Stopp</translation>
    </message>
</context>
<context>
    <name>imnn::gui::HistoryPlot</name>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="48"/>
        <source>det F</source>
        <translation>det F</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="48"/>
        <source>det C, det C⁻¹</source>
        <translation>det C, det C⁻¹</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="48"/>
        <source>Λ2</source>
        <translation>Λ2</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="48"/>
        <location filename="../app/gui/history_plot.cpp" line="83"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="68"/>
        <source>iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="76"/>
        <location filename="../app/gui/history_plot.cpp" line="203"/>
        <source>det F (training)</source>
        <translation>det F (Training)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="77"/>
        <location filename="../app/gui/history_plot.cpp" line="204"/>
        <source>det F (validation)</source>
        <translation>det F (Validierung)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="78"/>
        <source>det C</source>
        <translation>det C</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="79"/>
        <source>det C⁻¹</source>
        <translation>det C⁻¹</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="81"/>
        <source>Λ2 (left axis)</source>
        <translation>Λ2 (linke Achse)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="82"/>
        <source>r (right axis)</source>
        <translation>r (rechte Achse)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="91"/>
        <source>r</source>
        <translation>r</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="156"/>
        <source>first iterations above the range</source>
        <translation>erste Iterationen oberhalb des Bereichs</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="203"/>
        <location filename="../app/gui/history_plot.cpp" line="212"/>
        <source>%1: det F (training)</source>
        <translation>%1: det F (Training)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="204"/>
        <source>%1: det F (validation)</source>
        <translation>%1: det F (Validierung)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="262"/>
        <source>best so far: %1 </source>
        <translation>bisher bestes: %1 </translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="263"/>
        <source>kept (best): %1 </source>
        <translation>behalten (bestes): %1 </translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="264"/>
        <source>kept (final): %1 </source>
        <translation>behalten (letztes): %1 </translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="276"/>
        <source>expected det F = %1</source>
        <translation>erwartetes det F = %1</translation>
    </message>
</context>
<context>
    <name>imnn::gui::InferController</name>
    <message>
        <location filename="../app/gui/infer_controller.cpp" line="26"/>
        <source>an inference is already running; cancel it first</source>
        <translation>eine Inferenz läuft bereits; brechen Sie sie zuerst ab</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_controller.cpp" line="64"/>
        <source>%1: starting…</source>
        <translation>%1: startet…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_controller.cpp" line="105"/>
        <source>%1: %2 samples, %3 simulations, %4 s%5 → %6</source>
        <translation>%1: %2 Stichproben, %3 Simulationen, %4 s%5 → %6</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_controller.cpp" line="110"/>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
</context>
<context>
    <name>imnn::gui::InferPanel</name>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="116"/>
        <source>Gaussian approximation</source>
        <translation>Gaußsche Näherung</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="117"/>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="118"/>
        <source>PMC</source>
        <translation>PMC</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="136"/>
        <source>Trained run</source>
        <translation>Trainierter Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="140"/>
        <source>fit, or open a run in the Runs tab</source>
        <translation>anpassen oder einen Lauf im Reiter Läufe öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="141"/>
        <source>The run directory whose model.json compresses the data (`imnn infer METHOD RUN_DIR`); results go to RUN_DIR/inference/&lt;name&gt;/</source>
        <translation>Das Laufverzeichnis, dessen model.json die Daten komprimiert (`imnn infer METHOD RUN_DIR`); die Ergebnisse landen in RUN_DIR/inference/&lt;name&gt;/</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="143"/>
        <location filename="../app/gui/infer_panel.cpp" line="174"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="150"/>
        <source>Run directory</source>
        <translation>Laufverzeichnis</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="154"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="156"/>
        <source>Simulate at θ</source>
        <translation>Bei θ simulieren</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="157"/>
        <source>Load data (.npy)</source>
        <translation>Daten laden (.npy)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="164"/>
        <source>θ</source>
        <translation>θ</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="168"/>
        <location filename="../app/gui/infer_panel.cpp" line="267"/>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="178"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="184"/>
        <source>Target data</source>
        <translation>Zieldaten</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="185"/>
        <source>Arrays (*.npy *.npz *.h5 *.hdf5)</source>
        <translation>Arrays (*.npy *.npz *.h5 *.hdf5)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="192"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="198"/>
        <source>ga: N(estimate, F⁻¹) (reference: GaussianApproximation); abc: rejection ABC (reference: ApproximateBayesianComputation); pmc: ABC population Monte Carlo (reference: PopulationMonteCarlo)</source>
        <translation>ga: N(Schätzung, F⁻¹) (Referenz: GaussianApproximation); abc: Verwerfungs-ABC (Referenz: ApproximateBayesianComputation); pmc: ABC-Populations-Monte-Carlo (Referenz: PopulationMonteCarlo)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="214"/>
        <source>Draws</source>
        <translation>Ziehungen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="219"/>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="224"/>
        <source>Draws per iteration</source>
        <translation>Ziehungen je Iteration</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="225"/>
        <source>one batch</source>
        <translation>ein Durchgang</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="226"/>
        <source>Min accepted</source>
        <translation>Min. akzeptiert</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="228"/>
        <location filename="../app/gui/infer_panel.cpp" line="242"/>
        <location filename="../app/gui/infer_panel.cpp" line="292"/>
        <source>Max iterations</source>
        <translation>Max. Iterationen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="231"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="233"/>
        <source>10 × population</source>
        <translation>10 × Population</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="234"/>
        <source>Initial draws</source>
        <translation>Anfangsziehungen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="236"/>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="238"/>
        <source>Acceptance ratio</source>
        <translation>Akzeptanzrate</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="245"/>
        <source>Proposals per point</source>
        <translation>Vorschläge je Punkt</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="222"/>
        <source>Accept fraction</source>
        <translation>Akzeptanzanteil</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="250"/>
        <source>Prior and output</source>
        <translation>Prior und Ausgabe</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="253"/>
        <source>Prior low</source>
        <translation>Prior unten</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="256"/>
        <source>Prior high</source>
        <translation>Prior oben</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="259"/>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="262"/>
        <source>Grid points</source>
        <translation>Gitterpunkte</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="264"/>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="268"/>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="270"/>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="272"/>
        <source>the method</source>
        <translation>die Methode</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="273"/>
        <source>Output name</source>
        <translation>Ausgabename</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="215"/>
        <source>Here: the draws from N(estimate, F⁻¹) inside the prior box, written as the GetDist samples.</source>
        <translation>Hier: die Ziehungen aus N(Schätzung, F⁻¹) innerhalb der Prior-Box, als GetDist-Stichproben geschrieben.</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="165"/>
        <source>Reference: the target data d_obs made with simulator(key, θ_target)</source>
        <translation>Referenz: die Zieldaten d_obs, erzeugt mit simulator(key, θ_target)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="177"/>
        <source>Reference: target_data</source>
        <translation>Referenz: target_data</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="220"/>
        <source>Reference: ApproximateBayesianComputation(ϵ=…)</source>
        <translation>Referenz: ApproximateBayesianComputation(ϵ=…)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="232"/>
        <source>Reference: PopulationMonteCarlo(n_points=…)</source>
        <translation>Referenz: PopulationMonteCarlo(n_points=…)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="239"/>
        <source>0.02 here: measured to give the exact posterior&apos;s widths on the Gaussian example.</source>
        <translation>Hier 0,02: gemessen, um im Gauß-Beispiel die Breiten des exakten Posteriors zu erreichen.</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="243"/>
        <source>A run this limit stops is marked not converged.</source>
        <translation>Ein Lauf, den diese Grenze beendet, wird als nicht konvergiert markiert.</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="254"/>
        <source>Reference: prior=tfd.Uniform(low, high)</source>
        <translation>Referenz: prior=tfd.Uniform(low, high)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="265"/>
        <source>A change re-smooths the shown results at once.</source>
        <translation>Eine Änderung glättet die gezeigten Ergebnisse sofort neu.</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="274"/>
        <source>An earlier result of that name is replaced.</source>
        <translation>Ein früheres Ergebnis dieses Namens wird ersetzt.</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="278"/>
        <source>Refit at the estimate</source>
        <translation>Neuanpassung an der Schätzung</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="279"/>
        <source>Fit new IMNNs at θ_fid = θ̂ of the target until θ̂ settles (`imnn refit RUN --target …`): each round is a run directory RUN_DIR/refit/round_&lt;k&gt;/, the trajectory RUN_DIR/refit.json</source>
        <translation>Neue IMNNs bei θ_fid = θ̂ des Ziels anpassen, bis θ̂ sich nicht mehr bewegt (`imnn refit RUN --target …`): jede Runde ist ein Laufverzeichnis RUN_DIR/refit/round_&lt;k&gt;/, der Verlauf RUN_DIR/refit.json</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="285"/>
        <source>Rounds</source>
        <translation>Runden</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="286"/>
        <source>`--rounds`: most fits after the first run</source>
        <translation>`--rounds`: höchstens so viele Anpassungen nach dem ersten Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="288"/>
        <source>Tolerance</source>
        <translation>Toleranz</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="289"/>
        <source>`--tolerance`: stop when θ̂ moves less than this many Fisher standard deviations √(Δθᵀ F Δθ) between rounds</source>
        <translation>`--tolerance`: aufhören, wenn θ̂ sich zwischen zwei Runden um weniger als so viele Fisher-Standardabweichungen √(Δθᵀ F Δθ) bewegt</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="291"/>
        <source>the run&apos;s</source>
        <translation>die des Laufs</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="293"/>
        <source>`--max-iterations`: fit.max_iterations of each round (the run&apos;s own by default)</source>
        <translation>`--max-iterations`: fit.max_iterations jeder Runde (standardmäßig die des Laufs)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="294"/>
        <source>Warm start</source>
        <translation>Warmstart</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="297"/>
        <source>`--warm-start`: start each round from the previous round&apos;s kept weights</source>
        <translation>`--warm-start`: jede Runde mit den behaltenen Gewichten der vorigen Runde beginnen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="298"/>
        <source>Replace an earlier refit</source>
        <translation>Frühere Neuanpassung ersetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="301"/>
        <source>`--replace`: delete RUN_DIR/refit/ of an earlier refit first</source>
        <translation>`--replace`: RUN_DIR/refit/ einer früheren Neuanpassung zuerst löschen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="302"/>
        <source>Refit</source>
        <translation>Neu anpassen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="304"/>
        <source>Run the refit on a worker thread; Cancel stops the round&apos;s fit (its run is kept) and the refit</source>
        <translation>Die Neuanpassung in einem Hintergrund-Thread ausführen; Abbrechen beendet die Anpassung der Runde (ihr Lauf bleibt erhalten) und die Neuanpassung</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="309"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="311"/>
        <source>Run the chosen method on a worker thread (Ctrl+I)</source>
        <translation>Die gewählte Methode in einem Arbeits-Thread ausführen (Strg+I)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="312"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="313"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="314"/>
        <source>Stop the inference at its next check; what it has is kept</source>
        <translation>Die Inferenz bei der nächsten Prüfung anhalten; das Bisherige bleibt erhalten</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="318"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="359"/>
        <source>Show accepted samples</source>
        <translation>Akzeptierte Stichproben zeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="360"/>
        <source>Scatter the accepted ABC draws (or the PMC population) below the diagonal</source>
        <translation>Die akzeptierten ABC-Ziehungen (oder die PMC-Population) unterhalb der Diagonale als Punkte zeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="362"/>
        <source>Export PNG / PDF…</source>
        <translation>Als PNG / PDF exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="363"/>
        <source>Export GetDist…</source>
        <translation>GetDist exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="364"/>
        <source>Write the samples of the last result as a GetDist root (root_1.txt, root.paramnames, root.ranges)</source>
        <translation>Die Stichproben des letzten Ergebnisses als GetDist-Wurzel schreiben (root_1.txt, root.paramnames, root.ranges)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="366"/>
        <source>Show ABC summaries</source>
        <translation>ABC-Zusammenfassungen zeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="368"/>
        <source>Show refit</source>
        <translation>Neuanpassung zeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="370"/>
        <source>Show the trajectory of θ̂ over the refit&apos;s rounds instead of the corner plot</source>
        <translation>Den Verlauf von θ̂ über die Runden der Neuanpassung statt des Corner-Plots zeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="471"/>
        <source>%1 has no model.json yet: fit it to the end (or stop it) first</source>
        <translation>%1 hat noch keine model.json: passen Sie ihn erst zu Ende an (oder stoppen Sie ihn)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="479"/>
        <source>cannot use this run: %1</source>
        <translation>dieser Lauf ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="505"/>
        <source>Ready to infer with %1</source>
        <translation>Bereit zur Inferenz mit %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="573"/>
        <source>error: no trained run: fit one, or open a run in the Runs tab</source>
        <translation>Fehler: kein trainierter Lauf: passen Sie einen an oder öffnen Sie einen Lauf im Reiter Läufe</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="580"/>
        <location filename="../app/gui/infer_panel.cpp" line="582"/>
        <location filename="../app/gui/infer_panel.cpp" line="591"/>
        <location filename="../app/gui/infer_panel.cpp" line="605"/>
        <location filename="../app/gui/infer_panel_export.cpp" line="91"/>
        <location filename="../app/gui/infer_panel_refit.cpp" line="31"/>
        <location filename="../app/gui/infer_panel_refit.cpp" line="39"/>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="597"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="604"/>
        <location filename="../app/gui/infer_panel_refit.cpp" line="38"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="604"/>
        <location filename="../app/gui/infer_panel_refit.cpp" line="38"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="621"/>
        <source>ABC (%1 accepted)</source>
        <translation>ABC (%1 akzeptiert)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="623"/>
        <source>PMC (%1 points)</source>
        <translation>PMC (%1 Punkte)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="625"/>
        <source>, cancelled</source>
        <translation>, abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="627"/>
        <source>, not converged</source>
        <translation>, nicht konvergiert</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="637"/>
        <source>error: smoothing: %1</source>
        <translation>Fehler: Glättung: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="638"/>
        <source>type a number of bins &gt;= 0, e.g. %1</source>
        <translation>geben Sie eine Anzahl Klassen &gt;= 0 ein, z. B. %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="662"/>
        <source>θ_fid</source>
        <translation>θ_fid</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="663"/>
        <source>true θ</source>
        <translation>wahres θ</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="672"/>
        <source>%1 did not converge (its posterior may be too wide or shifted): %2</source>
        <translation>%1 ist nicht konvergiert (sein Posterior kann zu breit oder verschoben sein): %2</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="690"/>
        <source>The last ABC run accepted no draws: raise ε or the draws and run ABC again</source>
        <translation>Der letzte ABC-Lauf hat keine Ziehung akzeptiert: erhöhen Sie ε oder die Ziehungen und starten Sie ABC erneut</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="691"/>
        <source>No ABC result yet: run ABC (Method: ABC) to scatter its accepted summaries</source>
        <translation>Noch kein ABC-Ergebnis: starten Sie ABC (Methode: ABC), um seine akzeptierten Zusammenfassungen zu streuen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="696"/>
        <source>Show the summaries (quasi-ML estimates θ̂) of the accepted ABC draws in summary space, the target&apos;s summary marked (reference: ABC.scatter_summaries)</source>
        <translation>Die Zusammenfassungen (Quasi-ML-Schätzer θ̂) der akzeptierten ABC-Ziehungen im Raum der Zusammenfassungen zeigen, die Zusammenfassung des Ziels markiert (Referenz: ABC.scatter_summaries)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="718"/>
        <source>summary of %1</source>
        <translation>Zusammenfassung von %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="719"/>
        <source>summary %1</source>
        <translation>Zusammenfassung %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="723"/>
        <source>ABC accepted summaries (%1)</source>
        <translation>akzeptierte ABC-Zusammenfassungen (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="725"/>
        <source>accepted draws&apos; summaries</source>
        <translation>Zusammenfassungen der akzeptierten Ziehungen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="727"/>
        <source>target&apos;s summary</source>
        <translation>Zusammenfassung des Ziels</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="741"/>
        <source>ABC accepted draws</source>
        <translation>akzeptierte ABC-Ziehungen</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="741"/>
        <source>PMC population</source>
        <translation>PMC-Population</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="64"/>
        <source>Export the corner plot</source>
        <translation>Den Corner-Plot exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="66"/>
        <source>PDF, vector (*.pdf);;PNG (*.png)</source>
        <translation>PDF, Vektor (*.pdf);;PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="71"/>
        <source>PNG resolution</source>
        <translation>PNG-Auflösung</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="72"/>
        <source>Dots per inch (the shown figure at 96 dpi):</source>
        <translation>Punkte pro Zoll (die gezeigte Abbildung bei 96 dpi):</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="80"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="81"/>
        <source>error: cannot write %1; choose another folder</source>
        <translation>Fehler: %1 lässt sich nicht schreiben; wählen Sie einen anderen Ordner</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="87"/>
        <source>GetDist root (files root_1.txt, root.paramnames, root.ranges)</source>
        <translation>GetDist-Wurzel (Dateien root_1.txt, root.paramnames, root.ranges)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="90"/>
        <source>Wrote the GetDist root %1</source>
        <translation>GetDist-Wurzel %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_refit.cpp" line="24"/>
        <source>error: %1 holds an earlier refit: tick “Replace an earlier refit” to overwrite it</source>
        <translation>Fehler: %1 enthält eine frühere Neuanpassung: „Frühere Neuanpassung ersetzen“ ankreuzen, um sie zu überschreiben</translation>
    </message>
</context>
<context>
    <name>imnn::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="73"/>
        <location filename="../app/gui/main_window.cpp" line="136"/>
        <source>Fit</source>
        <translation>Anpassen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="74"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="73"/>
        <location filename="../app/gui/main_window.cpp" line="323"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="77"/>
        <source>IMNN Studio</source>
        <translation>IMNN Studio</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="84"/>
        <source>Fit the IMNN with this configuration (Ctrl+R); the run is written to the runs folder as `imnn fit` does</source>
        <translation>Das IMNN mit dieser Konfiguration anpassen (Strg+R); der Lauf wird wie von `imnn fit` in den Lauf-Ordner geschrieben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="86"/>
        <source>Stop the fit after the current iteration; the run is kept</source>
        <translation>Die Anpassung nach der laufenden Iteration stoppen; der Lauf bleibt erhalten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="87"/>
        <source>Pause the fit after the current iteration, or resume it (Ctrl+P); the resumed fit continues exactly where it paused</source>
        <translation>Die Anpassung nach der laufenden Iteration anhalten oder fortsetzen (Strg+P); die fortgesetzte Anpassung macht genau dort weiter, wo sie angehalten wurde</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="92"/>
        <source>e.g. 50</source>
        <translation>z. B. 50</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="98"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="106"/>
        <source>Time since the fit started, iterations per second over the last iterations, and the estimated time left: to max_iterations, and once the patience counter runs, to the stop it gives if det F does not improve</source>
        <translation>Zeit seit dem Start der Anpassung, Iterationen pro Sekunde über die letzten Iterationen und die geschätzte Restzeit: bis max_iterations und, sobald der Geduldszähler läuft, bis zu dem Stopp, den er ergibt, wenn sich det F nicht verbessert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="122"/>
        <source>Expected det F</source>
        <translation>Erwartetes det F</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="137"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="138"/>
        <source>Infer</source>
        <translation>Inferenz</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="150"/>
        <source>%1 · paused</source>
        <translation>%1 · angehalten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="179"/>
        <source>patience counts after %1</source>
        <translation>Geduld zählt ab %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="180"/>
        <source>patience %1/%2</source>
        <translation>Geduld %1/%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="206"/>
        <source>the built-in example gaussian_mean_variance.json was not found beside the executable (share/imnn-studio/examples); reinstall, or open a config with File ▸ Open</source>
        <translation>das eingebaute Beispiel gaussian_mean_variance.json wurde neben dem Programm nicht gefunden (share/imnn-studio/examples); installieren Sie neu oder öffnen Sie eine Konfiguration mit Datei ▸ Öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="210"/>
        <source>error: %1; the built-in example is shown</source>
        <translation>Fehler: %1; das eingebaute Beispiel wird gezeigt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="222"/>
        <source>No simulator plugin was found (Tools ▸ Plugins lists the folders searched and why files were skipped); pass --plugin-dir or set IMNN_PLUGIN_PATH</source>
        <translation>Kein Simulator-Plugin gefunden (Werkzeuge ▸ Plugins zeigt die durchsuchten Ordner und warum Dateien übersprungen wurden); geben Sie --plugin-dir an oder setzen Sie IMNN_PLUGIN_PATH</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="232"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="233"/>
        <source>&amp;Open config…</source>
        <translation>Konfiguration ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="235"/>
        <source>&amp;Save config as…</source>
        <translation>Konfiguration &amp;speichern unter…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="260"/>
        <source>Open &amp;runs folder…</source>
        <translation>&amp;Lauf-Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="261"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="263"/>
        <source>&amp;Export corner plot…</source>
        <translation>Corner-Plot &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="264"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="266"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="269"/>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="270"/>
        <source>&amp;Fit</source>
        <translation>&amp;Anpassen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="271"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="272"/>
        <source>&amp;Pause / resume</source>
        <translation>&amp;Anhalten / fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="273"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="274"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="275"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="276"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="277"/>
        <source>&amp;Plugins…</source>
        <translation>&amp;Plugins…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="278"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="281"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="292"/>
        <source>The language changes at the next start of IMNN Studio</source>
        <translation>Die Sprache wechselt beim nächsten Start von IMNN Studio</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="296"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="316"/>
        <source>Fit the IMNN with this configuration (Ctrl+R)</source>
        <translation>Das IMNN mit dieser Konfiguration anpassen (Strg+R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="317"/>
        <source>Fix the configuration first: `%1`: %2</source>
        <translation>Korrigieren Sie zuerst die Konfiguration: `%1`: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="323"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="254"/>
        <location filename="../app/gui/main_window.cpp" line="355"/>
        <location filename="../app/gui/main_window.cpp" line="357"/>
        <location filename="../app/gui/main_window.cpp" line="412"/>
        <location filename="../app/gui/main_window.cpp" line="482"/>
        <location filename="../app/gui/main_window.cpp" line="491"/>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="364"/>
        <source>Stopping after the current iteration…</source>
        <translation>Stoppt nach der laufenden Iteration…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="373"/>
        <source>Pausing after the current iteration…</source>
        <translation>Wird nach der laufenden Iteration angehalten…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="330"/>
        <location filename="../app/gui/main_window.cpp" line="387"/>
        <source>%v / %m iterations</source>
        <translation>%v / %m Iterationen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="93"/>
        <source>Draws a dashed line at this det F on the history plot (e.g. the analytic det F = 50 of the Gaussian example); filled from the config key `expected_detF` unless you type your own</source>
        <translation>Zeichnet eine gestrichelte Linie bei diesem det F in den Verlaufsplot (z. B. das analytische det F = 50 des Gauß-Beispiels); aus dem Konfigurationsschlüssel `expected_detF` übernommen, sofern Sie keinen eigenen Wert eingeben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="239"/>
        <source>Open &amp;example</source>
        <translation>&amp;Beispiel öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="253"/>
        <source>Opened the example %1</source>
        <translation>Beispiel %1 geöffnet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="259"/>
        <source>(no examples found beside the executable)</source>
        <translation>(keine Beispiele neben dem Programm gefunden)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="391"/>
        <source>patience 0/%1</source>
        <translation>Geduld 0/%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="393"/>
        <source>Fitting → %1</source>
        <translation>Anpassung läuft → %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="394"/>
        <source>Fitting → %1
%2</source>
        <translation>Anpassung läuft → %1
%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="414"/>
        <source>Fit finished</source>
        <translation>Anpassung beendet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="414"/>
        <source>Fit stopped with an error</source>
        <translation>Anpassung mit einem Fehler abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="462"/>
        <source>Fisher forecast %1</source>
        <translation>Fisher-Vorhersage %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="464"/>
        <source>θ_fid</source>
        <translation>θ_fid</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="466"/>
        <source>cannot show the Fisher forecast of %1: %2</source>
        <translation>die Fisher-Vorhersage von %1 lässt sich nicht zeigen: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="477"/>
        <source>Open a run configuration</source>
        <translation>Eine Laufkonfiguration öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="478"/>
        <location filename="../app/gui/main_window.cpp" line="487"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="481"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="486"/>
        <source>Save the run configuration</source>
        <translation>Die Laufkonfiguration speichern</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="493"/>
        <source>Saved %1; run it headless with: imnn fit %1</source>
        <translation>%1 gespeichert; ohne Fenster ausführen mit: imnn fit %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="498"/>
        <source>Folder holding run directories</source>
        <translation>Ordner mit Laufverzeichnissen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="517"/>
        <source>A fit is running</source>
        <translation>Eine Anpassung läuft</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="518"/>
        <source>Stop the fit and quit? The run is kept in %1.</source>
        <translation>Anpassung stoppen und beenden? Der Lauf bleibt in %1 erhalten.</translation>
    </message>
</context>
<context>
    <name>imnn::gui::PluginsDialog</name>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="72"/>
        <source>Plugins</source>
        <translation>Plugins</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="74"/>
        <source>plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="74"/>
        <source>details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="86"/>
        <source>Simulators (%1)</source>
        <translation>Simulatoren (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="89"/>
        <location filename="../app/gui/plugins_dialog.cpp" line="103"/>
        <source>version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="90"/>
        <location filename="../app/gui/plugins_dialog.cpp" line="104"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="91"/>
        <source>parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="92"/>
        <source>θ_fid</source>
        <translation>θ_fid</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="93"/>
        <source>δθ</source>
        <translation>δθ</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="94"/>
        <source>prior low</source>
        <translation>Prior min</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="95"/>
        <source>prior high</source>
        <translation>Prior max</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="96"/>
        <source>input shape</source>
        <translation>Eingabeform</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="97"/>
        <source>Jacobian</source>
        <translation>Jacobi-Matrix</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="97"/>
        <source>yes (simulate_with_jacobian)</source>
        <translation>ja (simulate_with_jacobian)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="97"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="100"/>
        <source>Networks (%1)</source>
        <translation>Netze (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="107"/>
        <source>Skipped (%1)</source>
        <translation>Übersprungen (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="110"/>
        <source>Searched folders</source>
        <translation>Durchsuchte Ordner</translation>
    </message>
</context>
<context>
    <name>imnn::gui::RefitController</name>
    <message>
        <location filename="../app/gui/refit_controller.cpp" line="25"/>
        <source>a refit is already running; cancel it first</source>
        <translation>eine Neuanpassung läuft bereits; brechen Sie sie zuerst ab</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_controller.cpp" line="50"/>
        <source>Refit round %1 of at most %2: iteration %3, det F %4</source>
        <translation>Neuanpassung Runde %1 von höchstens %2: Iteration %3, det F %4</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_controller.cpp" line="73"/>
        <source>Refit: estimating θ̂ of the target with the run&apos;s IMNN…</source>
        <translation>Neuanpassung: θ̂ des Ziels mit dem IMNN des Laufs schätzen…</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_controller.cpp" line="126"/>
        <source>Refit converged at round %1</source>
        <translation>Neuanpassung in Runde %1 konvergiert</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_controller.cpp" line="127"/>
        <source>Refit cancelled; rounds finished: %1</source>
        <translation>Neuanpassung abgebrochen; abgeschlossene Runden: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_controller.cpp" line="128"/>
        <source>Refit did not converge; rounds: %1</source>
        <translation>Neuanpassung nicht konvergiert; Runden: %1</translation>
    </message>
</context>
<context>
    <name>imnn::gui::RefitView</name>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="34"/>
        <source>Run directories (double-click to open):</source>
        <translation>Laufverzeichnisse (Doppelklick öffnet):</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="69"/>
        <source>θ̂ of the target per round, ±1 Fisher sd (round 0: the run)</source>
        <translation>θ̂ des Ziels je Runde, ±1 Fisher-Standardabweichung (Runde 0: der Lauf)</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="70"/>
        <source>θ̂ of the target per round, ±1 Fisher sd (round 0: the run); dashed: the target&apos;s θ</source>
        <translation>θ̂ des Ziels je Runde, ±1 Fisher-Standardabweichung (Runde 0: der Lauf); gestrichelt: θ des Ziels</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="87"/>
        <source>θ%1</source>
        <translation>θ%1</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="93"/>
        <source>round</source>
        <translation>Runde</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="95"/>
        <source>θ̂ of %1</source>
        <translation>θ̂ von %1</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="99"/>
        <source>±1 Fisher sd</source>
        <translation>±1 Fisher-Standardabweichung</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="121"/>
        <source>target&apos;s θ</source>
        <translation>θ des Ziels</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="140"/>
        <source>round 0 (the run): %1</source>
        <translation>Runde 0 (der Lauf): %1</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="141"/>
        <source>round %1: %2</source>
        <translation>Runde %1: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="154"/>
        <source>No refit yet: choose the target above and press Refit.</source>
        <translation>Noch keine Neuanpassung: oben das Ziel wählen und „Neu anpassen“ drücken.</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="162"/>
        <source>&lt;b&gt;Running&lt;/b&gt;: round %1 done</source>
        <translation>&lt;b&gt;Läuft&lt;/b&gt;: Runde %1 fertig</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="164"/>
        <source>&lt;b&gt;Converged&lt;/b&gt; at round %1: θ̂ moved %2 Fisher sd (below the tolerance %3)</source>
        <translation>&lt;b&gt;Konvergiert&lt;/b&gt; in Runde %1: θ̂ bewegte sich um %2 Fisher-Standardabweichungen (unter der Toleranz %3)</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="168"/>
        <source>&lt;b&gt;Not converged: cancelled&lt;/b&gt; after round %1</source>
        <translation>&lt;b&gt;Nicht konvergiert: abgebrochen&lt;/b&gt; nach Runde %1</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="170"/>
        <source>&lt;b&gt;Not converged&lt;/b&gt;: θ̂ still moved %1 Fisher sd in round %2 (tolerance %3); raise the rounds or the max iterations</source>
        <translation>&lt;b&gt;Nicht konvergiert&lt;/b&gt;: θ̂ bewegte sich in Runde %2 noch um %1 Fisher-Standardabweichungen (Toleranz %3); Runden oder maximale Iterationen erhöhen</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="185"/>
        <source>θ̂ = (%1) at θ_fid = (%2)</source>
        <translation>θ̂ = (%1) bei θ_fid = (%2)</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="188"/>
        <source>det F = %1</source>
        <translation>det F = %1</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="188"/>
        <source>F =</source>
        <translation>F =</translation>
    </message>
</context>
<context>
    <name>imnn::gui::RunBrowser</name>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="103"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="104"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="105"/>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="112"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="112"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="119"/>
        <source>Raw JSON</source>
        <translation>Rohes JSON</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="120"/>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="121"/>
        <source>Choose the folder whose run directories are listed (runs/ of the CLI)</source>
        <translation>Den Ordner wählen, dessen Laufverzeichnisse gezeigt werden (runs/ der Kommandozeile)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="122"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="123"/>
        <source>Overlay selected</source>
        <translation>Auswahl überlagern</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="124"/>
        <source>Select several runs (Ctrl+click) to overlay their det F on the open run&apos;s plot, each in its own colour</source>
        <translation>Mehrere Läufe auswählen (Strg+Klick), um ihr det F über den Plot des offenen Laufs zu legen, jeden in eigener Farbe</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="138"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="138"/>
        <source>started</source>
        <translation>gestartet</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="138"/>
        <source>mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="138"/>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="139"/>
        <location filename="../app/gui/run_browser.cpp" line="414"/>
        <source>val det F</source>
        <translation>val det F</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="139"/>
        <location filename="../app/gui/run_browser.cpp" line="419"/>
        <source>iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="139"/>
        <source>stop reason</source>
        <translation>Stoppgrund</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="170"/>
        <source>Show result.json as written</source>
        <translation>result.json so zeigen, wie es geschrieben wurde</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="416"/>
        <source>val det F standard error</source>
        <translation>Standardfehler von val det F</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="436"/>
        <source>val det F = %1, %2</source>
        <translation>val det F = %1, %2</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="243"/>
        <source>%1 does not exist yet: runs appear here after the first fit</source>
        <translation>%1 existiert noch nicht: Läufe erscheinen hier nach der ersten Anpassung</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="319"/>
        <source>%1 has no history.csv: not a run directory of IMNN Studio (imnn fit writes one)</source>
        <translation>%1 hat keine history.csv: kein Laufverzeichnis von IMNN Studio (imnn fit schreibt eine)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="364"/>
        <source>%1: %2 iterations so far, following the run as it is written</source>
        <translation>%1: bisher %2 Iterationen, der Lauf wird beim Schreiben verfolgt</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="378"/>
        <source>result.json does not parse: see the raw JSON</source>
        <translation>result.json ist nicht lesbar: siehe das rohe JSON</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="417"/>
        <source>det F (training, kept)</source>
        <translation>det F (Training, behalten)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="418"/>
        <source>max det F (early stopping)</source>
        <translation>max det F (frühes Stoppen)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="421"/>
        <source>kept: best iteration</source>
        <translation>behalten: beste Iteration</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="421"/>
        <source>kept: final weights</source>
        <translation>behalten: letzte Gewichte</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="423"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="424"/>
        <source>iterations / s</source>
        <translation>Iterationen / s</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="427"/>
        <source>F (at the kept weights)</source>
        <translation>F (bei den behaltenen Gewichten)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="429"/>
        <source>F⁻¹</source>
        <translation>F⁻¹</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="434"/>
        <source>stopped with an error: %1</source>
        <translation>mit einem Fehler abgebrochen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="439"/>
        <source>%1: %2 iterations, %3</source>
        <translation>%1: %2 Iterationen, %3</translation>
    </message>
</context>
<context>
    <name>imnn::gui::RunText</name>
    <message>
        <location filename="../app/gui/work_split.cpp" line="44"/>
        <source>stopped by you after %L1 iterations</source>
        <translation>von Ihnen gestoppt nach %L1 Iterationen</translation>
    </message>
    <message>
        <location filename="../app/gui/work_split.cpp" line="47"/>
        <source>stopped by patience after %L1 iterations (no better validation det F)</source>
        <translation>durch Geduld gestoppt nach %L1 Iterationen (kein besseres Validierungs-det F)</translation>
    </message>
    <message>
        <location filename="../app/gui/work_split.cpp" line="52"/>
        <source>stopped at max_iterations (%L1 iterations)</source>
        <translation>bei max_iterations gestoppt (%L1 Iterationen)</translation>
    </message>
    <message>
        <location filename="../app/gui/work_split.cpp" line="55"/>
        <source>stopped: %1 after %L2 iterations</source>
        <translation>gestoppt: %1 nach %L2 Iterationen</translation>
    </message>
</context>
<context>
    <name>imnn::gui::SimulationPreview</name>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="26"/>
        <source>One simulation of the selected simulator at θ_fid: the fit&apos;s first training simulation (its seed derived from the config&apos;s seed). Redrawn when the simulator, its options, θ_fid or the seed change</source>
        <translation>Eine Simulation des gewählten Simulators bei θ_fid: die erste Trainingssimulation der Anpassung (ihr Startwert aus dem Startwert der Konfiguration abgeleitet). Neu gezeichnet, wenn sich Simulator, Optionen, θ_fid oder Startwert ändern</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="33"/>
        <source>No simulation yet</source>
        <translation>Noch keine Simulation</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="61"/>
        <source>No simulator: the array modes fit arrays from files</source>
        <translation>Kein Simulator: die Array-Modi passen Arrays aus Dateien an</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="69"/>
        <location filename="../app/gui/simulation_preview.cpp" line="95"/>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="76"/>
        <source>No preview: no simulator plugin &quot;%1&quot;</source>
        <translation>Keine Vorschau: kein Simulator-Plugin „%1“</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="82"/>
        <source>No preview: θ_fid has %1 values, the simulator %2 parameters</source>
        <translation>Keine Vorschau: θ_fid hat %1 Werte, der Simulator %2 Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="138"/>
        <source>one simulation, shape (%1), θ = (%2), seed %3</source>
        <translation>eine Simulation, Form (%1), θ = (%2), Startwert %3</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="156"/>
        <source>%1 (channel 0)</source>
        <translation>%1 (Kanal 0)</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="174"/>
        <source>%1: no picture for inputs of rank %2</source>
        <translation>%1: kein Bild für Eingaben vom Rang %2</translation>
    </message>
</context>
<context>
    <name>imnn::gui::WorkSplit</name>
    <message>
        <location filename="../app/gui/work_split.cpp" line="21"/>
        <source>one pass (activations kept: %1 MB, budget %2 MB)</source>
        <translation>ein Durchlauf (Aktivierungen behalten: %1 MB, Budget %2 MB)</translation>
    </message>
    <message>
        <location filename="../app/gui/work_split.cpp" line="23"/>
        <source>two passes (activations recomputed: one pass needs %1 MB, budget %2 MB)</source>
        <translation>zwei Durchläufe (Aktivierungen neu berechnet: ein Durchlauf bräuchte %1 MB, Budget %2 MB)</translation>
    </message>
    <message>
        <location filename="../app/gui/work_split.cpp" line="29"/>
        <source>work split: %1 device(s) [%2] × n_per_device %3, chunks: %4, %5</source>
        <translation>Arbeitsaufteilung: %1 Gerät(e) [%2] × n_per_device %3, Blöcke: %4, %5</translation>
    </message>
    <message>
        <location filename="../app/gui/work_split.cpp" line="38"/>
        <source>, arrays streamed from disk</source>
        <translation>, Arrays von der Festplatte gestreamt</translation>
    </message>
</context>
<context>
    <name>imnn::options</name>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="11"/>
        <source>file format marker (written by the program)</source>
        <translation>Kennung des Dateiformats (vom Programm geschrieben)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="12"/>
        <source>imnn-studio-config</source>
        <translation>imnn-studio-config</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="13"/>
        <source>config format version (this build reads 1)</source>
        <translation>Version des Konfigurationsformats (dieser Build liest 1)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="14"/>
        <source>the run&apos;s name: the run directory is runs/&lt;name&gt;-&lt;date&gt;-&lt;time&gt; (a name, not a path; --run-dir chooses the folder)</source>
        <translation>der Name des Laufs: das Laufverzeichnis ist runs/&lt;name&gt;-&lt;date&gt;-&lt;time&gt; (ein Name, kein Pfad; --run-dir wählt den Ordner)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="15"/>
        <source>fitting mode; auto picks simulator when the plugin has a Jacobian, else simulator-numerical, and gradient or numerical for arrays (Fitting modes)</source>
        <translation>Anpassungsmodus; auto wählt simulator, wenn das Plugin eine Jacobi-Matrix liefert, sonst simulator-numerical, und für Arrays gradient oder numerical (Anpassungsmodi)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="16"/>
        <source>why auto picked the mode (written by the program)</source>
        <translation>warum auto diesen Modus gewählt hat (vom Programm geschrieben)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="17"/>
        <source>written by the fit</source>
        <translation>von der Anpassung geschrieben</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="18"/>
        <source>simulator plugin (&quot;simulator&quot;: &quot;name&quot; is short for {&quot;plugin&quot;: &quot;name&quot;})</source>
        <translation>Simulator-Plugin (&quot;simulator&quot;: &quot;name&quot; ist kurz für {&quot;plugin&quot;: &quot;name&quot;})</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="19"/>
        <source>none (array modes)</source>
        <translation>keins (Array-Modi)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="20"/>
        <source>the simulator plugin&apos;s options (`imnn plugins` lists them)</source>
        <translation>die Optionen des Simulator-Plugins (`imnn plugins` listet sie auf)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="21"/>
        <source>Isolate the simulator</source>
        <translation>Simulator isolieren</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="22"/>
        <source>run the simulations in child processes: a crash, exit or hang stops the fit with a message instead of taking it down (Simulator plugins)</source>
        <translation>die Simulationen in Kindprozessen ausführen: ein Absturz, Beenden oder Hängen stoppt die Anpassung mit einer Meldung, statt sie mitzureißen (Simulator-Plugins)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="23"/>
        <source>Call timeout</source>
        <translation>Zeitlimit je Aufruf</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="24"/>
        <source>with isolate: a call (one chunk) running longer is stopped (0: no limit)</source>
        <translation>bei isolate: ein Aufruf (ein Block), der länger läuft, wird gestoppt (0: keine Grenze)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="25"/>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="26"/>
        <source>(n_s, *input_shape) array (paths relative to the config file; file.npz:member, file.h5:/dataset allowed)</source>
        <translation>Array der Form (n_s, *input_shape) (Pfade relativ zur Konfigurationsdatei; file.npz:member, file.h5:/dataset erlaubt)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="27"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="28"/>
        <source>gradient: (n_d, *input_shape, n_params); numerical: (n_d, 2, n_params, *input_shape)</source>
        <translation>gradient: (n_d, *input_shape, n_params); numerical: (n_d, 2, n_params, *input_shape)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="29"/>
        <source>optional fixed validation array, with data.validation_derivative</source>
        <translation>optionales festes Validierungs-Array, zusammen mit data.validation_derivative</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="30"/>
        <source>optional fixed validation derivatives, with data.validation_fiducial</source>
        <translation>optionale feste Validierungsableitungen, zusammen mit data.validation_fiducial</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="31"/>
        <source>on reads the arrays a chunk at a time from disk (memory-mapped .npy, HDF5 hyperslabs), off loads them, auto streams when they do not fit fit.memory_budget_mb</source>
        <translation>on liest die Arrays blockweise von der Festplatte (speicherabgebildete .npy, HDF5-Hyperslabs), off lädt sie, auto streamt, wenn sie nicht in fit.memory_budget_mb passen</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="32"/>
        <source>network plugin: mlp, cnn, inception (Network plugins)</source>
        <translation>Netz-Plugin: mlp, cnn, inception (Netz-Plugins)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="33"/>
        <source>the network plugin&apos;s options, e.g. mlp: hidden, activation, negative_slope, alpha, output_size</source>
        <translation>die Optionen des Netz-Plugins, z. B. mlp: hidden, activation, negative_slope, alpha, output_size</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="34"/>
        <source>simulations for the covariance</source>
        <translation>Simulationen für die Kovarianz</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="35"/>
        <source>simulations with derivatives (the first n_d of the n_s); n_d &lt;= n_s</source>
        <translation>Simulationen mit Ableitungen (die ersten n_d der n_s); n_d &lt;= n_s</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="36"/>
        <source>summaries the network outputs (0: n_params)</source>
        <translation>Anzahl der Zusammenfassungen, die das Netz ausgibt (0: n_params)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="37"/>
        <source>n_params</source>
        <translation>n_params</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="38"/>
        <source>fiducial parameters, one per parameter (required by the array modes)</source>
        <translation>fiduziale Parameterwerte, einer je Parameter (für die Array-Modi erforderlich)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="39"/>
        <source>the plugin&apos;s</source>
        <translation>die des Plugins</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="40"/>
        <source>finite-difference separations, one per parameter (simulator-numerical; its presence selects numerical for arrays)</source>
        <translation>Schrittweiten der finiten Differenzen, eine je Parameter (simulator-numerical; ist der Schlüssel gesetzt, wird für Arrays numerical gewählt)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="41"/>
        <source>adam (learning_rate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8) or sgd (learning_rate, momentum); both take an exponential decay as optax&apos;s exponential_decay: lr(t) = learning_rate · decay_rate^((t − decay_begin)/decay_steps) after decay_begin steps, never below end_learning_rate (defaults 1, 1000, 0, 0: constant)</source>
        <translation>adam (learning_rate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8) oder sgd (learning_rate, momentum); beide erlauben einen exponentiellen Abfall wie exponential_decay von optax: lr(t) = learning_rate · decay_rate^((t − decay_begin)/decay_steps) nach decay_begin Schritten, nie unter end_learning_rate (Vorgaben 1, 1000, 0, 0: konstant)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="42"/>
        <source>regulariser strength</source>
        <translation>Stärke des Regularisierers</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="43"/>
        <source>closeness of C to the identity</source>
        <translation>Nähe von C zur Einheitsmatrix</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="44"/>
        <source>iterations without improvement of the validation det F before stopping, counted after min_iterations</source>
        <translation>Iterationen ohne Verbesserung des Validierungs-det F bis zum Abbruch, gezählt nach min_iterations</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="45"/>
        <source>iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="46"/>
        <source>iterations before patience counts</source>
        <translation>Iterationen, bevor die Geduld zählt</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="47"/>
        <source>most iterations</source>
        <translation>höchstens so viele Iterationen</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="48"/>
        <source>Keep the best weights</source>
        <translation>Beste Gewichte behalten</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="49"/>
        <source>keep the best (max validation det F) or the final weights</source>
        <translation>die besten (max. Validierungs-det F) oder die letzten Gewichte behalten</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="50"/>
        <source>Whitened start</source>
        <translation>Geweißter Start</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="51"/>
        <source>before the first iteration, make the summaries of the first training set zero-mean and white through the last layer (F unchanged, the regulariser starts at 0); for networks whose initial summaries barely spread, e.g. after a global pool (the field example)</source>
        <translation>vor der ersten Iteration die Zusammenfassungen des ersten Trainingssatzes über die letzte Schicht mittelwertfrei und weiß machen (F unverändert, der Regularisierer beginnt bei 0); für Netze, deren anfängliche Zusammenfassungen kaum streuen, z. B. nach einem globalen Pooling (das Feld-Beispiel)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="52"/>
        <source>Validate each iteration</source>
        <translation>Jede Iteration validieren</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="53"/>
        <source>fresh validation simulations each iteration; their det F drives early stopping (array modes: the validation arrays; no validation without them)</source>
        <translation>frische Validierungssimulationen in jeder Iteration; ihr det F steuert den vorzeitigen Abbruch (Array-Modi: die Validierungs-Arrays; ohne sie keine Validierung)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="54"/>
        <source>Validation simulations</source>
        <translation>Validierungssimulationen</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="55"/>
        <source>validation simulations per iteration (0: n_s; array modes: the validation arrays&apos; size)</source>
        <translation>Validierungssimulationen je Iteration (0: n_s; Array-Modi: die Größe der Validierungs-Arrays)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="56"/>
        <source>n_s</source>
        <translation>n_s</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="57"/>
        <source>Validation derivatives</source>
        <translation>Validierungsableitungen</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="58"/>
        <source>of the validation simulations, those with derivatives (0: n_d)</source>
        <translation>von den Validierungssimulationen diejenigen mit Ableitungen (0: n_d)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="59"/>
        <source>n_d</source>
        <translation>n_d</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="60"/>
        <source>Final statistics simulations</source>
        <translation>Simulationen für die Endstatistik</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="61"/>
        <source>fresh simulations (all with derivatives) for the final F, C, dμ/dθ, μ at the kept weights (0: n_s)</source>
        <translation>frische Simulationen (alle mit Ableitungen) für die endgültigen F, C, dμ/dθ, μ bei den behaltenen Gewichten (0: n_s)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="62"/>
        <source>Checkpoint every</source>
        <translation>Checkpoint alle</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="63"/>
        <source>iterations between checkpoints in the run directory (0: none)</source>
        <translation>Iterationen zwischen Checkpoints im Laufverzeichnis (0: keine)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="64"/>
        <source>memory for activations: one pass when the activations of every chunk fit, else two (recomputed); with data.stream auto also the limit for loading arrays</source>
        <translation>Speicher für Aktivierungen: ein Durchlauf, wenn die Aktivierungen aller Blöcke hineinpassen, sonst zwei (neu berechnet); bei data.stream auto auch die Grenze für das Laden von Arrays</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="65"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="66"/>
        <source>one seed for the weights and every simulation, 0 to 2^64 - 1 (counter-based: the result does not depend on threads, devices or ranks)</source>
        <translation>ein Startwert für die Gewichte und jede Simulation, 0 bis 2^64 - 1 (zählerbasiert: das Ergebnis hängt nicht von Threads, Geräten oder Rängen ab)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="67"/>
        <source>compute threads (0: all cores)</source>
        <translation>Rechen-Threads (0: alle Kerne)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="68"/>
        <source>devices the simulations are split over, e.g. [{&quot;kind&quot;: &quot;cpu&quot;, &quot;threads&quot;: 0}] (threads 0 takes `threads`; cuda is refused with the reason) (Devices and aggregation)</source>
        <translation>Geräte, auf die die Simulationen aufgeteilt werden, z. B. [{&quot;kind&quot;: &quot;cpu&quot;, &quot;threads&quot;: 0}] (threads 0 übernimmt `threads`; cuda wird mit Begründung abgelehnt) (Geräte und Aggregation)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="69"/>
        <source>simulations per chunk (0: the whole set as one chunk); chunk k runs on device k mod the number of devices; the chunks, not the devices or threads, fix the arithmetic</source>
        <translation>Simulationen pro Block (0: der ganze Satz als ein Block); Block k läuft auf Gerät k mod Anzahl der Geräte; die Blöcke, nicht die Geräte oder Threads, legen die Arithmetik fest</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="70"/>
        <source>Plugin folders</source>
        <translation>Plugin-Ordner</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="71"/>
        <source>extra plugin folders, searched first (relative to the config file)</source>
        <translation>zusätzliche Plugin-Ordner, die zuerst durchsucht werden (relativ zur Konfigurationsdatei)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="72"/>
        <source>Expected det F</source>
        <translation>Erwartetes det F</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="73"/>
        <source>the det F the fit should reach when it is known (the Gaussian example&apos;s analytic 50): drawn as a line by the app; the fit does not use it</source>
        <translation>das det F, das die Anpassung erreichen sollte, falls bekannt (das analytische 50 des Gauß-Beispiels): von der App als Linie gezeichnet; die Anpassung verwendet es nicht</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="74"/>
        <source>ga (Gaussian approximation N(estimate, F^-1)), abc (rejection ABC) or pmc (ABC population Monte Carlo)</source>
        <translation>ga (Gaußsche Näherung N(Schätzung, F^-1)), abc (Verwerfungs-ABC) oder pmc (ABC-Populations-Monte-Carlo)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="75"/>
        <source>observed data (.npy/.npz/.h5) of shape (*input_shape) or (1, *input_shape)</source>
        <translation>beobachtete Daten (.npy/.npz/.h5) der Form (*input_shape) oder (1, *input_shape)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="76"/>
        <source>one of target, target_theta</source>
        <translation>eines von target, target_theta</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="77"/>
        <source>instead of target: simulate the target at these parameters with the run&apos;s simulator plugin and options</source>
        <translation>statt target: das Ziel bei diesen Parametern mit dem Simulator-Plugin und den Optionen des Laufs simulieren</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="78"/>
        <source>seed of the target_theta simulation</source>
        <translation>Startwert der target_theta-Simulation</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="79"/>
        <source>output folder under RUN_DIR/inference</source>
        <translation>Ausgabeordner unter RUN_DIR/inference</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="80"/>
        <source>the method</source>
        <translation>die Methode</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="81"/>
        <source>overwrite an existing output folder of that name</source>
        <translation>einen vorhandenen Ausgabeordner dieses Namens überschreiben</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="82"/>
        <source>seed of the prior draws and simulations</source>
        <translation>Startwert der Prior-Ziehungen und Simulationen</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="83"/>
        <source>uniform on the box, or gaussian (prior_mean, prior_sd) truncated to it</source>
        <translation>uniform (gleichverteilt auf der Box) oder gaussian (prior_mean, prior_sd), auf die Box abgeschnitten</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="84"/>
        <source>lower edges of the prior box, one per parameter</source>
        <translation>Untergrenzen der Prior-Box, eine je Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="85"/>
        <source>the simulator plugin&apos;s</source>
        <translation>die des Simulator-Plugins</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="86"/>
        <source>upper edges of the prior box, one per parameter</source>
        <translation>Obergrenzen der Prior-Box, eine je Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="87"/>
        <source>means of the gaussian prior</source>
        <translation>Mittelwerte des Gauß-Priors</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="88"/>
        <source>required by prior gaussian</source>
        <translation>erforderlich bei prior gaussian</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="89"/>
        <source>standard deviations of the gaussian prior</source>
        <translation>Standardabweichungen des Gauß-Priors</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="90"/>
        <source>marginal grid points, one for all parameters or one per parameter</source>
        <translation>Gitterpunkte der Randverteilungen, ein Wert für alle Parameter oder einer je Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="91"/>
        <source>probability masses of the highest-density contours</source>
        <translation>Wahrscheinlichkeitsmassen der Konturen höchster Dichte</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="92"/>
        <source>Gaussian smoothing of the histograms (0: none)</source>
        <translation>Gaußsche Glättung der Histogramme (0: keine)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="93"/>
        <source>bins</source>
        <translation>Bins</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="94"/>
        <source>fisher: sqrt(dθᵀ F dθ) between estimates, or euclidean</source>
        <translation>fisher: sqrt(dθᵀ F dθ) zwischen Schätzungen, oder euclidean</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="95"/>
        <source>acceptance distance: draws closer than it are kept; auto: the accept_fraction quantile of the draws&apos; distances</source>
        <translation>Akzeptanzabstand: näher liegende Ziehungen werden behalten; auto: das accept_fraction-Quantil der Abstände der Ziehungen</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="96"/>
        <source>Fisher units with distance fisher</source>
        <translation>Fisher-Einheiten bei distance fisher</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="97"/>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="98"/>
        <source>with epsilon auto: the fraction of the draws accepted</source>
        <translation>bei epsilon auto: der Anteil der angenommenen Ziehungen</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="99"/>
        <source>abc: draws from the prior per iteration; ga: draws written as samples</source>
        <translation>abc: Ziehungen aus dem Prior je Iteration; ga: als Stichproben geschriebene Ziehungen</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="100"/>
        <source>abc 1000000, ga 10000</source>
        <translation>abc 1000000, ga 10000</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="101"/>
        <source>iterate until this many draws are accepted (0: one batch; needs a fixed epsilon)</source>
        <translation>iterieren, bis so viele Ziehungen angenommen sind (0: ein Durchgang; erfordert ein festes epsilon)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="102"/>
        <source>most iterations of the min_accepted loop (a warning says when it ends the loop first)</source>
        <translation>höchstens so viele Iterationen der min_accepted-Schleife (eine Warnung meldet, wenn diese Grenze die Schleife zuerst beendet)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="103"/>
        <source>population size</source>
        <translation>Populationsgröße</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="104"/>
        <source>initial prior draws, &gt;= n_points (0: 10 x n_points)</source>
        <translation>anfängliche Ziehungen aus dem Prior, &gt;= n_points (0: 10 x n_points)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="105"/>
        <source>points farther than this percentile of the distances move each iteration</source>
        <translation>Punkte jenseits dieses Perzentils der Abstände werden in jeder Iteration bewegt</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="106"/>
        <source>stop when an iteration&apos;s accepted/draws falls below this (the reference&apos;s default is 0.1)</source>
        <translation>aufhören, wenn angenommen/Ziehungen einer Iteration darunter fällt (Vorgabe der Referenz: 0,1)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="107"/>
        <source>safety limit on the iterations (the reference&apos;s default is 10)</source>
        <translation>Sicherheitsgrenze für die Iterationen (Vorgabe der Referenz: 10)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="108"/>
        <source>proposals per moved point per iteration (the reference&apos;s default is 1)</source>
        <translation>Vorschläge pro bewegtem Punkt und Iteration (Vorgabe der Referenz: 1)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="109"/>
        <source>redraws of a proposal to land inside the prior box; a proposal that finds none is abandoned</source>
        <translation>Neuziehungen eines Vorschlags, um innerhalb der Prior-Box zu landen; ein Vorschlag, der keine findet, wird verworfen</translation>
    </message>
</context>
</TS>
