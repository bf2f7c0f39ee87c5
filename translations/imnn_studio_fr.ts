<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Numbers</name>
    <message>
        <location filename="../app/gui/number_format.cpp" line="64"/>
        <source>empty: type a number, e.g. %1</source>
        <translation>vide : saisissez un nombre, p. ex. %1</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="71"/>
        <source>&apos;%1&apos; is not a finite number</source>
        <translation>&apos;%1&apos; n&apos;est pas un nombre fini</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="77"/>
        <source>&apos;%1&apos; has a decimal point, but this session&apos;s decimal mark is the comma: type %2</source>
        <translation>&apos;%1&apos; contient un point décimal, mais le séparateur décimal de cette session est la virgule : saisissez %2</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="80"/>
        <source>&apos;%1&apos; has a decimal comma, but this session&apos;s decimal mark is the point: type %2</source>
        <translation>&apos;%1&apos; contient une virgule décimale, mais le séparateur décimal de cette session est le point : saisissez %2</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="85"/>
        <source>&apos;%1&apos; is not a number; type e.g. %2</source>
        <translation>&apos;%1&apos; n&apos;est pas un nombre ; saisissez p. ex. %2</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="96"/>
        <source>&apos;%1&apos; is not an integer; type digits only, e.g. 42</source>
        <translation>&apos;%1&apos; n&apos;est pas un entier ; chiffres seulement, p. ex. 42</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="106"/>
        <source>&apos;%1&apos; is not an integer ≥ 0; type digits only, e.g. 42</source>
        <translation>&apos;%1&apos; n&apos;est pas un entier ≥ 0 ; chiffres seulement, p. ex. 42</translation>
    </message>
    <message>
        <location filename="../app/gui/number_format.cpp" line="124"/>
        <source>&apos;%1&apos;: separate numbers with &apos;;&apos; or spaces, since the comma is this session&apos;s decimal mark (e.g. %2)</source>
        <translation>&apos;%1&apos; : séparez les nombres par &apos;;&apos; ou des espaces, car la virgule est le séparateur décimal de cette session (p. ex. %2)</translation>
    </message>
</context>
<context>
    <name>OptionText</name>
    <message>
        <location filename="../app/gui/option_text.cpp" line="25"/>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <location filename="../app/gui/option_text.cpp" line="26"/>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location filename="../app/gui/option_text.cpp" line="91"/>
        <source>range %1</source>
        <translation>plage %1</translation>
    </message>
    <message>
        <location filename="../app/gui/option_text.cpp" line="93"/>
        <source>unit: %1</source>
        <translation>unité : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/option_text.cpp" line="95"/>
        <source>default: %1</source>
        <translation>par défaut : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/option_text.cpp" line="97"/>
        <source>no reference counterpart</source>
        <translation>pas d&apos;équivalent dans la référence</translation>
    </message>
    <message>
        <location filename="../app/gui/option_text.cpp" line="98"/>
        <source>reference imnn: %1</source>
        <translation>imnn de référence : %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="42"/>
        <source>options</source>
        <translation>options</translation>
    </message>
</context>
<context>
    <name>imnn::gui::ConfigPanel</name>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="145"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="148"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="152"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="157"/>
        <location filename="../app/gui/config_panel.cpp" line="558"/>
        <source>Simulator</source>
        <translation>Simulateur</translation>
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
        <translation>Options (JSON)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="171"/>
        <source>parameter</source>
        <translation>paramètre</translation>
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
        <translation>prior min</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="171"/>
        <source>prior high</source>
        <translation>prior max</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="180"/>
        <location filename="../app/gui/config_panel.cpp" line="558"/>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="197"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="220"/>
        <source>auto (n_params)</source>
        <translation>auto (n_params)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="224"/>
        <source>n_summaries</source>
        <translation>n_summaries</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="227"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
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
        <translation>Optimiseur</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="239"/>
        <source>Learning rate</source>
        <translation>Taux d&apos;apprentissage</translation>
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
        <translation>Patience</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="248"/>
        <source>Min iterations</source>
        <translation>Itérations min.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="251"/>
        <source>Max iterations</source>
        <translation>Itérations max.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="254"/>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="304"/>
        <source>CPU devices</source>
        <translation>Périphériques CPU</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="308"/>
        <source>all cores</source>
        <translation>tous les cœurs</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="310"/>
        <source>This box sets `threads` and every `devices[i].threads`.</source>
        <translation>Ce champ règle `threads` et chaque `devices[i].threads`.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="312"/>
        <source>CUDA GPUs</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="320"/>
        <source>Reference: AggregatedSimulatorIMNN(n_per_device=…)</source>
        <translation>Référence : AggregatedSimulatorIMNN(n_per_device=…)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="322"/>
        <source>Memory budget (MB)</source>
        <translation>Budget mémoire (Mo)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="453"/>
        <source>%1; fix it in a text editor</source>
        <translation>%1 ; corrigez le fichier dans un éditeur de texte</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="584"/>
        <source>`network.options.%1`: %2 (an option of the %3 plugin; reference: the layers of its stax model)</source>
        <translation>`network.options.%1` : %2 (une option du plugin %3 ; référence : les couches de son modèle stax)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="587"/>
        <source>no description</source>
        <translation>pas de description</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="690"/>
        <source>give the plugin&apos;s options as a JSON object {…}</source>
        <translation>donnez les options du plugin sous forme d&apos;objet JSON {…}</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="699"/>
        <source>%1 of %2: %3</source>
        <translation>%1 de %2 : %3</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="299"/>
        <source>Devices</source>
        <translation>Périphériques</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="153"/>
        <source>Reference: the IMNN class (SimulatorIMNN, GradientIMNN, NumericalGradientIMNN …)</source>
        <translation>Référence : la classe IMNN (SimulatorIMNN, GradientIMNN, NumericalGradientIMNN …)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="165"/>
        <source>Reference: SimulatorIMNN(simulator=…)</source>
        <translation>Référence : SimulatorIMNN(simulator=…)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="182"/>
        <source>The prior box comes from the plugin&apos;s descriptor.</source>
        <translation>La boîte a priori provient du descripteur du plugin.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="204"/>
        <source>Reference: IMNN(model=stax.serial(…))</source>
        <translation>Référence : IMNN(model=stax.serial(…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="236"/>
        <source>This box sets `optimiser.name`; the file may give the other keys.</source>
        <translation>Ce champ règle `optimiser.name` ; le fichier peut fournir les autres clés.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="240"/>
        <source>This box sets `optimiser.learning_rate`.</source>
        <translation>Ce champ règle `optimiser.learning_rate`.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="305"/>
        <source>This box sets the number of CPU devices, each with its own worker thread and backend (reference: AggregatedSimulatorIMNN(devices=…), the JAX devices).</source>
        <translation>Ce champ règle le nombre de périphériques CPU, chacun avec son propre thread de travail et son backend (référence : AggregatedSimulatorIMNN(devices=…), les périphériques JAX).</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="309"/>
        <source>Threads per device</source>
        <translation>Threads par périphérique</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="334"/>
        <source>More settings</source>
        <translation>Autres réglages</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="315"/>
        <source>No CUDA device/build is available: this build of the engine computes on the CPU only (set the CPU devices and threads above)</source>
        <translation>Aucun périphérique/build CUDA disponible : ce build du moteur calcule uniquement sur le CPU (réglez les périphériques CPU et les threads ci-dessus)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="317"/>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="318"/>
        <source>whole set</source>
        <translation>ensemble entier</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="319"/>
        <source>n_per_device</source>
        <translation>n_per_device</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="326"/>
        <source>Stream arrays</source>
        <translation>Lire les tableaux en flux</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="379"/>
        <source>a config must be a JSON object, got %1</source>
        <translation>une configuration doit être un objet JSON, reçu : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="446"/>
        <source>cannot open %1: %2; check the path</source>
        <translation>impossible d&apos;ouvrir %1 : %2 ; vérifiez le chemin</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="462"/>
        <source>cannot write %1: %2; choose another folder</source>
        <translation>impossible d&apos;écrire %1 : %2 ; choisissez un autre dossier</translation>
    </message>
</context>
<context>
    <name>imnn::gui::CornerPlot</name>
    <message>
        <location filename="../app/gui/corner_plot.cpp" line="182"/>
        <source>Reset view</source>
        <translation>Réinitialiser la vue</translation>
    </message>
    <message>
        <location filename="../app/gui/corner_plot.cpp" line="184"/>
        <source>Undo the zoom and pan: every axis spans the posterior again</source>
        <translation>Annuler le zoom et le déplacement : chaque axe couvre de nouveau la postérieure</translation>
    </message>
    <message>
        <location filename="../app/gui/corner_plot.cpp" line="344"/>
        <source>No posterior yet: fit an IMNN or open a run</source>
        <translation>Pas encore de postérieure : ajustez un IMNN ou ouvrez une exécution</translation>
    </message>
</context>
<context>
    <name>imnn::gui::DataFilesBox</name>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="49"/>
        <source>Data files</source>
        <translation>Fichiers de données</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="51"/>
        <source>Fiducial</source>
        <translation>Fiduciel</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="51"/>
        <source>Derivative</source>
        <translation>Dérivée</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="51"/>
        <source>Validation fiducial</source>
        <translation>Validation fiduciel</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="52"/>
        <source>Validation derivative</source>
        <translation>Validation dérivée</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="66"/>
        <source>.npy, .npz:member or .h5:/dataset</source>
        <translation>.npy, .npz:membre ou .h5:/jeu</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="66"/>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="67"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="87"/>
        <source>%1 array</source>
        <translation>Tableau %1</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="88"/>
        <source>Arrays (*.npy *.npz *.h5 *.hdf5);;All files (*)</source>
        <translation>Tableaux (*.npy *.npz *.h5 *.hdf5);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>imnn::gui::EngineText</name>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="14"/>
        <source>an integer</source>
        <translation>un entier</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="15"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="16"/>
        <source>a finite number</source>
        <translation>un nombre fini</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="17"/>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="18"/>
        <source>a boolean</source>
        <translation>un booléen</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="19"/>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="20"/>
        <source>an array</source>
        <translation>une liste</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="21"/>
        <source>an array of integers</source>
        <translation>une liste d&apos;entiers</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="22"/>
        <source>an array of numbers</source>
        <translation>une liste de nombres</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="23"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="24"/>
        <source>an object {...}</source>
        <translation>un objet {...}</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="25"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="48"/>
        <source>must be &gt; %1, got %2</source>
        <translation>doit être &gt; %1, vaut %2</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="51"/>
        <source>must be &gt;= %1, got %2</source>
        <translation>doit être &gt;= %1, vaut %2</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="54"/>
        <source>must be between %1 and %2, got %3</source>
        <translation>doit être entre %1 et %2, vaut %3</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="57"/>
        <source>must be a finite number</source>
        <translation>doit être un nombre fini</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="64"/>
        <source>expected %1, got %2</source>
        <translation>attendu : %1, reçu : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="68"/>
        <source>must not exceed %1</source>
        <translation>ne doit pas dépasser %1</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="71"/>
        <source>%1 must not exceed %2</source>
        <translation>%1 ne doit pas dépasser %2</translation>
    </message>
    <message>
        <location filename="../app/gui/engine_text.cpp" line="75"/>
        <source>unknown key; remove it or use one of: %1</source>
        <translation>clé inconnue ; supprimez-la ou utilisez l&apos;une de : %1</translation>
    </message>
</context>
<context>
    <name>imnn::gui::FitController</name>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="61"/>
        <source>a fit is already running; stop it first</source>
        <translation>un ajustement est déjà en cours ; arrêtez-le d&apos;abord</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="151"/>
        <source>Fitting → %1</source>
        <translation>Ajustement en cours → %1</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="179"/>
        <source>Paused after %1 / %2 iterations; Resume continues the same fit (%3)</source>
        <translation>En pause après %1 / %2 itérations ; Reprendre poursuit le même ajustement (%3)</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="239"/>
        <source>The fit stopped: %1. The history so far is in %2</source>
        <translation>L&apos;ajustement s&apos;est arrêté : %1. L&apos;historique jusqu&apos;ici est dans %2</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="245"/>
        <source>det F = %L1 (validation, kept %2 weights; training %L3) in %L4 s, %5 → %6</source>
        <translation>det F = %L1 (validation, poids %2 conservés ; entraînement %L3) en %L4 s, %5 → %6</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="248"/>
        <source>best</source>
        <translation>meilleurs</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="248"/>
        <source>final</source>
        <translation>derniers</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="254"/>
        <source>No iteration was run (%1) → %2</source>
        <translation>Aucune itération n&apos;a été effectuée (%1) → %2</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="259"/>
        <source>The result could not be written: %1</source>
        <translation>Le résultat n&apos;a pas pu être écrit : %1</translation>
    </message>
</context>
<context>
    <name>imnn::gui::FitProgress</name>
    <message>
        <location filename="../app/gui/fit_progress.cpp" line="61"/>
        <source>%1 elapsed · %2 it/s</source>
        <translation>%1 écoulé · %2 it/s</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_progress.cpp" line="65"/>
        <source> · %1 left to max_iterations</source>
        <translation> · %1 restant jusqu’à max_iterations</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_progress.cpp" line="67"/>
        <source> · ≈ %1 to the patience stop</source>
        <translation> · ≈ %1 jusqu’à l’arrêt par patience</translation>
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
        <translation>perte</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="68"/>
        <source>iteration</source>
        <translation>itération</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="76"/>
        <location filename="../app/gui/history_plot.cpp" line="203"/>
        <source>det F (training)</source>
        <translation>det F (entraînement)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="77"/>
        <location filename="../app/gui/history_plot.cpp" line="204"/>
        <source>det F (validation)</source>
        <translation>det F (validation)</translation>
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
        <translation>Λ2 (axe de gauche)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="82"/>
        <source>r (right axis)</source>
        <translation>r (axe de droite)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="91"/>
        <source>r</source>
        <translation>r</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="156"/>
        <source>first iterations above the range</source>
        <translation>premières itérations au-dessus de l’échelle</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="203"/>
        <location filename="../app/gui/history_plot.cpp" line="212"/>
        <source>%1: det F (training)</source>
        <translation>%1 : det F (entraînement)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="204"/>
        <source>%1: det F (validation)</source>
        <translation>%1 : det F (validation)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="262"/>
        <source>best so far: %1 </source>
        <translation>meilleure jusqu’ici : %1 </translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="263"/>
        <source>kept (best): %1 </source>
        <translation>conservée (meilleure) : %1 </translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="264"/>
        <source>kept (final): %1 </source>
        <translation>conservée (finale) : %1 </translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="276"/>
        <source>expected det F = %1</source>
        <translation>det F attendu = %1</translation>
    </message>
</context>
<context>
    <name>imnn::gui::InferController</name>
    <message>
        <location filename="../app/gui/infer_controller.cpp" line="26"/>
        <source>an inference is already running; cancel it first</source>
        <translation>une inférence est déjà en cours ; annulez-la d’abord</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_controller.cpp" line="64"/>
        <source>%1: starting…</source>
        <translation>%1 : démarrage…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_controller.cpp" line="105"/>
        <source>%1: %2 samples, %3 simulations, %4 s%5 → %6</source>
        <translation>%1 : %2 échantillons, %3 simulations, %4 s%5 → %6</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_controller.cpp" line="110"/>
        <source> (cancelled)</source>
        <translation> (annulée)</translation>
    </message>
</context>
<context>
    <name>imnn::gui::InferPanel</name>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="116"/>
        <source>Gaussian approximation</source>
        <translation>Approximation gaussienne</translation>
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
        <translation>Exécution entraînée</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="140"/>
        <source>fit, or open a run in the Runs tab</source>
        <translation>ajustez, ou ouvrez une exécution dans l’onglet Exécutions</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="141"/>
        <source>The run directory whose model.json compresses the data (`imnn infer METHOD RUN_DIR`); results go to RUN_DIR/inference/&lt;name&gt;/</source>
        <translation>Le dossier d’exécution dont le model.json compresse les données (`imnn infer METHOD RUN_DIR`) ; les résultats vont dans RUN_DIR/inference/&lt;name&gt;/</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="143"/>
        <location filename="../app/gui/infer_panel.cpp" line="174"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="150"/>
        <source>Run directory</source>
        <translation>Dossier d’exécution</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="154"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="156"/>
        <source>Simulate at θ</source>
        <translation>Simuler en θ</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="157"/>
        <source>Load data (.npy)</source>
        <translation>Charger des données (.npy)</translation>
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
        <translation>Graine</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="178"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="184"/>
        <source>Target data</source>
        <translation>Données cibles</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="185"/>
        <source>Arrays (*.npy *.npz *.h5 *.hdf5)</source>
        <translation>Tableaux (*.npy *.npz *.h5 *.hdf5)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="192"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="198"/>
        <source>ga: N(estimate, F⁻¹) (reference: GaussianApproximation); abc: rejection ABC (reference: ApproximateBayesianComputation); pmc: ABC population Monte Carlo (reference: PopulationMonteCarlo)</source>
        <translation>ga : N(estimation, F⁻¹) (référence : GaussianApproximation) ; abc : ABC par rejet (référence : ApproximateBayesianComputation) ; pmc : ABC Monte-Carlo à population (référence : PopulationMonteCarlo)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="214"/>
        <source>Draws</source>
        <translation>Tirages</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="219"/>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="224"/>
        <source>Draws per iteration</source>
        <translation>Tirages par itération</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="225"/>
        <source>one batch</source>
        <translation>un lot</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="226"/>
        <source>Min accepted</source>
        <translation>Min. acceptés</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="228"/>
        <location filename="../app/gui/infer_panel.cpp" line="242"/>
        <location filename="../app/gui/infer_panel.cpp" line="292"/>
        <source>Max iterations</source>
        <translation>Itérations max.</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="231"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="233"/>
        <source>10 × population</source>
        <translation>10 × population</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="234"/>
        <source>Initial draws</source>
        <translation>Tirages initiaux</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="236"/>
        <source>Percentile</source>
        <translation>Centile</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="238"/>
        <source>Acceptance ratio</source>
        <translation>Taux d’acceptation</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="245"/>
        <source>Proposals per point</source>
        <translation>Propositions par point</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="222"/>
        <source>Accept fraction</source>
        <translation>Fraction acceptée</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="250"/>
        <source>Prior and output</source>
        <translation>A priori et sortie</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="253"/>
        <source>Prior low</source>
        <translation>A priori bas</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="256"/>
        <source>Prior high</source>
        <translation>A priori haut</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="259"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="262"/>
        <source>Grid points</source>
        <translation>Points de grille</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="264"/>
        <source>Smoothing</source>
        <translation>Lissage</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="268"/>
        <source>all cores</source>
        <translation>tous les cœurs</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="270"/>
        <source>CPU threads</source>
        <translation>Threads CPU</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="272"/>
        <source>the method</source>
        <translation>la méthode</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="273"/>
        <source>Output name</source>
        <translation>Nom de sortie</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="215"/>
        <source>Here: the draws from N(estimate, F⁻¹) inside the prior box, written as the GetDist samples.</source>
        <translation>Ici : les tirages de N(estimation, F⁻¹) dans la boîte a priori, écrits comme échantillons GetDist.</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="165"/>
        <source>Reference: the target data d_obs made with simulator(key, θ_target)</source>
        <translation>Référence : les données cibles d_obs produites par simulator(key, θ_target)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="177"/>
        <source>Reference: target_data</source>
        <translation>Référence : target_data</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="220"/>
        <source>Reference: ApproximateBayesianComputation(ϵ=…)</source>
        <translation>Référence : ApproximateBayesianComputation(ϵ=…)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="232"/>
        <source>Reference: PopulationMonteCarlo(n_points=…)</source>
        <translation>Référence : PopulationMonteCarlo(n_points=…)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="239"/>
        <source>0.02 here: measured to give the exact posterior&apos;s widths on the Gaussian example.</source>
        <translation>0.02 ici : valeur mesurée pour retrouver les largeurs de la loi a posteriori exacte sur l&apos;exemple gaussien.</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="243"/>
        <source>A run this limit stops is marked not converged.</source>
        <translation>Une exécution arrêtée par cette limite est marquée non convergée.</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="254"/>
        <source>Reference: prior=tfd.Uniform(low, high)</source>
        <translation>Référence : prior=tfd.Uniform(low, high)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="265"/>
        <source>A change re-smooths the shown results at once.</source>
        <translation>Toute modification relisse aussitôt les résultats affichés.</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="274"/>
        <source>An earlier result of that name is replaced.</source>
        <translation>Un résultat antérieur de même nom est remplacé.</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="278"/>
        <source>Refit at the estimate</source>
        <translation>Réajustement à l’estimation</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="279"/>
        <source>Fit new IMNNs at θ_fid = θ̂ of the target until θ̂ settles (`imnn refit RUN --target …`): each round is a run directory RUN_DIR/refit/round_&lt;k&gt;/, the trajectory RUN_DIR/refit.json</source>
        <translation>Ajuster de nouveaux IMNN en θ_fid = θ̂ de la cible jusqu’à ce que θ̂ se stabilise (`imnn refit RUN --target …`) : chaque tour est un dossier de run RUN_DIR/refit/round_&lt;k&gt;/, la trajectoire RUN_DIR/refit.json</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="285"/>
        <source>Rounds</source>
        <translation>Tours</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="286"/>
        <source>`--rounds`: most fits after the first run</source>
        <translation>`--rounds` : nombre maximal d’ajustements après le premier run</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="288"/>
        <source>Tolerance</source>
        <translation>Tolérance</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="289"/>
        <source>`--tolerance`: stop when θ̂ moves less than this many Fisher standard deviations √(Δθᵀ F Δθ) between rounds</source>
        <translation>`--tolerance` : arrêter quand θ̂ bouge de moins de ce nombre d’écarts-types de Fisher √(Δθᵀ F Δθ) entre deux tours</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="291"/>
        <source>the run&apos;s</source>
        <translation>celles du run</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="293"/>
        <source>`--max-iterations`: fit.max_iterations of each round (the run&apos;s own by default)</source>
        <translation>`--max-iterations` : fit.max_iterations de chaque tour (par défaut celles du run)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="294"/>
        <source>Warm start</source>
        <translation>Démarrage à chaud</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="297"/>
        <source>`--warm-start`: start each round from the previous round&apos;s kept weights</source>
        <translation>`--warm-start` : démarrer chaque tour avec les poids retenus du tour précédent</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="298"/>
        <source>Replace an earlier refit</source>
        <translation>Remplacer un réajustement antérieur</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="301"/>
        <source>`--replace`: delete RUN_DIR/refit/ of an earlier refit first</source>
        <translation>`--replace` : supprimer d’abord RUN_DIR/refit/ d’un réajustement antérieur</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="302"/>
        <source>Refit</source>
        <translation>Réajuster</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="304"/>
        <source>Run the refit on a worker thread; Cancel stops the round&apos;s fit (its run is kept) and the refit</source>
        <translation>Lancer le réajustement dans un thread de travail ; Annuler arrête l’ajustement du tour (son run est conservé) et le réajustement</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="309"/>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="311"/>
        <source>Run the chosen method on a worker thread (Ctrl+I)</source>
        <translation>Lancer la méthode choisie dans un thread de travail (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="312"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="313"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="314"/>
        <source>Stop the inference at its next check; what it has is kept</source>
        <translation>Arrêter l’inférence à sa prochaine vérification ; ce qui est acquis est gardé</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="318"/>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="359"/>
        <source>Show accepted samples</source>
        <translation>Afficher les échantillons acceptés</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="360"/>
        <source>Scatter the accepted ABC draws (or the PMC population) below the diagonal</source>
        <translation>Afficher en nuage les tirages ABC acceptés (ou la population PMC) sous la diagonale</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="362"/>
        <source>Export PNG / PDF…</source>
        <translation>Exporter en PNG / PDF…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="363"/>
        <source>Export GetDist…</source>
        <translation>Exporter GetDist…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="364"/>
        <source>Write the samples of the last result as a GetDist root (root_1.txt, root.paramnames, root.ranges)</source>
        <translation>Écrire les échantillons du dernier résultat comme racine GetDist (root_1.txt, root.paramnames, root.ranges)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="366"/>
        <source>Show ABC summaries</source>
        <translation>Afficher les résumés ABC</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="368"/>
        <source>Show refit</source>
        <translation>Afficher le réajustement</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="370"/>
        <source>Show the trajectory of θ̂ over the refit&apos;s rounds instead of the corner plot</source>
        <translation>Afficher la trajectoire de θ̂ au fil des tours au lieu du corner plot</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="471"/>
        <source>%1 has no model.json yet: fit it to the end (or stop it) first</source>
        <translation>%1 n’a pas encore de model.json : ajustez-la jusqu’au bout (ou arrêtez-la) d’abord</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="479"/>
        <source>cannot use this run: %1</source>
        <translation>ce run est inutilisable : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="505"/>
        <source>Ready to infer with %1</source>
        <translation>Prêt pour l’inférence avec %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="573"/>
        <source>error: no trained run: fit one, or open a run in the Runs tab</source>
        <translation>erreur : aucune exécution entraînée : ajustez-en une, ou ouvrez une exécution dans l’onglet Exécutions</translation>
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
        <translation>erreur : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="597"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="604"/>
        <location filename="../app/gui/infer_panel_refit.cpp" line="38"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="604"/>
        <location filename="../app/gui/infer_panel_refit.cpp" line="38"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="621"/>
        <source>ABC (%1 accepted)</source>
        <translation>ABC (%1 acceptés)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="623"/>
        <source>PMC (%1 points)</source>
        <translation>PMC (%1 points)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="625"/>
        <source>, cancelled</source>
        <translation>, annulée</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="627"/>
        <source>, not converged</source>
        <translation>, non convergé</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="637"/>
        <source>error: smoothing: %1</source>
        <translation>erreur : lissage : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="638"/>
        <source>type a number of bins &gt;= 0, e.g. %1</source>
        <translation>saisissez un nombre de classes &gt;= 0, p. ex. %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="662"/>
        <source>θ_fid</source>
        <translation>θ_fid</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="663"/>
        <source>true θ</source>
        <translation>θ vrai</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="672"/>
        <source>%1 did not converge (its posterior may be too wide or shifted): %2</source>
        <translation>%1 n&apos;a pas convergé (son postérieur peut être trop large ou décalé) : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="690"/>
        <source>The last ABC run accepted no draws: raise ε or the draws and run ABC again</source>
        <translation>La dernière exécution ABC n&apos;a accepté aucun tirage : augmentez ε ou le nombre de tirages et relancez ABC</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="691"/>
        <source>No ABC result yet: run ABC (Method: ABC) to scatter its accepted summaries</source>
        <translation>Pas encore de résultat ABC : lancez ABC (Méthode : ABC) pour disperser ses résumés acceptés</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="696"/>
        <source>Show the summaries (quasi-ML estimates θ̂) of the accepted ABC draws in summary space, the target&apos;s summary marked (reference: ABC.scatter_summaries)</source>
        <translation>Afficher les résumés (estimateurs quasi-MV θ̂) des tirages ABC acceptés dans l&apos;espace des résumés, le résumé de la cible marqué (référence : ABC.scatter_summaries)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="718"/>
        <source>summary of %1</source>
        <translation>résumé de %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="719"/>
        <source>summary %1</source>
        <translation>résumé %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="723"/>
        <source>ABC accepted summaries (%1)</source>
        <translation>résumés ABC acceptés (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="725"/>
        <source>accepted draws&apos; summaries</source>
        <translation>résumés des tirages acceptés</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="727"/>
        <source>target&apos;s summary</source>
        <translation>résumé de la cible</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="741"/>
        <source>ABC accepted draws</source>
        <translation>tirages ABC acceptés</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="741"/>
        <source>PMC population</source>
        <translation>population PMC</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="64"/>
        <source>Export the corner plot</source>
        <translation>Exporter le corner plot</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="66"/>
        <source>PDF, vector (*.pdf);;PNG (*.png)</source>
        <translation>PDF, vectoriel (*.pdf);;PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="71"/>
        <source>PNG resolution</source>
        <translation>Résolution PNG</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="72"/>
        <source>Dots per inch (the shown figure at 96 dpi):</source>
        <translation>Points par pouce (la figure affichée à 96 dpi) :</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="80"/>
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="81"/>
        <source>error: cannot write %1; choose another folder</source>
        <translation>erreur : impossible d’écrire %1 ; choisissez un autre dossier</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="87"/>
        <source>GetDist root (files root_1.txt, root.paramnames, root.ranges)</source>
        <translation>Racine GetDist (fichiers root_1.txt, root.paramnames, root.ranges)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_export.cpp" line="90"/>
        <source>Wrote the GetDist root %1</source>
        <translation>Racine GetDist %1 écrite</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel_refit.cpp" line="24"/>
        <source>error: %1 holds an earlier refit: tick “Replace an earlier refit” to overwrite it</source>
        <translation>erreur : %1 contient un réajustement antérieur : cochez « Remplacer un réajustement antérieur » pour l’écraser</translation>
    </message>
</context>
<context>
    <name>imnn::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="73"/>
        <location filename="../app/gui/main_window.cpp" line="136"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="74"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="73"/>
        <location filename="../app/gui/main_window.cpp" line="323"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="77"/>
        <source>IMNN Studio</source>
        <translation>IMNN Studio</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="84"/>
        <source>Fit the IMNN with this configuration (Ctrl+R); the run is written to the runs folder as `imnn fit` does</source>
        <translation>Ajuster l&apos;IMNN avec cette configuration (Ctrl+R) ; l&apos;exécution est écrite dans le dossier des exécutions comme par `imnn fit`</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="86"/>
        <source>Stop the fit after the current iteration; the run is kept</source>
        <translation>Arrêter l&apos;ajustement après l&apos;itération en cours ; l&apos;exécution est conservée</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="87"/>
        <source>Pause the fit after the current iteration, or resume it (Ctrl+P); the resumed fit continues exactly where it paused</source>
        <translation>Mettre l’ajustement en pause après l’itération en cours, ou le reprendre (Ctrl+P) ; l’ajustement repris continue exactement où il s’était arrêté</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="92"/>
        <source>e.g. 50</source>
        <translation>p. ex. 50</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="98"/>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="106"/>
        <source>Time since the fit started, iterations per second over the last iterations, and the estimated time left: to max_iterations, and once the patience counter runs, to the stop it gives if det F does not improve</source>
        <translation>Temps depuis le début de l’ajustement, itérations par seconde sur les dernières itérations, et temps restant estimé : jusqu’à max_iterations et, dès que le compteur de patience tourne, jusqu’à l’arrêt qu’il donne si det F ne s’améliore pas</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="122"/>
        <source>Expected det F</source>
        <translation>det F attendu</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="137"/>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="138"/>
        <source>Infer</source>
        <translation>Inférence</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="150"/>
        <source>%1 · paused</source>
        <translation>%1 · en pause</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="179"/>
        <source>patience counts after %1</source>
        <translation>la patience compte après %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="180"/>
        <source>patience %1/%2</source>
        <translation>patience %1/%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="206"/>
        <source>the built-in example gaussian_mean_variance.json was not found beside the executable (share/imnn-studio/examples); reinstall, or open a config with File ▸ Open</source>
        <translation>l&apos;exemple intégré gaussian_mean_variance.json est introuvable à côté de l&apos;exécutable (share/imnn-studio/examples) ; réinstallez, ou ouvrez une configuration avec Fichier ▸ Ouvrir</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="210"/>
        <source>error: %1; the built-in example is shown</source>
        <translation>erreur : %1 ; l&apos;exemple intégré est affiché</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="222"/>
        <source>No simulator plugin was found (Tools ▸ Plugins lists the folders searched and why files were skipped); pass --plugin-dir or set IMNN_PLUGIN_PATH</source>
        <translation>Aucun plugin de simulateur trouvé (Outils ▸ Plugins liste les dossiers parcourus et pourquoi des fichiers ont été ignorés) ; passez --plugin-dir ou définissez IMNN_PLUGIN_PATH</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="232"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="233"/>
        <source>&amp;Open config…</source>
        <translation>&amp;Ouvrir une configuration…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="235"/>
        <source>&amp;Save config as…</source>
        <translation>&amp;Enregistrer la configuration sous…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="260"/>
        <source>Open &amp;runs folder…</source>
        <translation>Ouvrir le dossier des e&amp;xécutions…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="261"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="263"/>
        <source>&amp;Export corner plot…</source>
        <translation>E&amp;xporter le corner plot…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="264"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="266"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="269"/>
        <source>&amp;Run</source>
        <translation>E&amp;xécution</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="270"/>
        <source>&amp;Fit</source>
        <translation>&amp;Ajuster</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="271"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="272"/>
        <source>&amp;Pause / resume</source>
        <translation>&amp;Pause / reprise</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="273"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="274"/>
        <source>&amp;Stop</source>
        <translation>A&amp;rrêter</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="275"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="276"/>
        <source>&amp;Tools</source>
        <translation>O&amp;utils</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="277"/>
        <source>&amp;Plugins…</source>
        <translation>&amp;Plugins…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="278"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="281"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="292"/>
        <source>The language changes at the next start of IMNN Studio</source>
        <translation>La langue change au prochain démarrage d&apos;IMNN Studio</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="296"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="316"/>
        <source>Fit the IMNN with this configuration (Ctrl+R)</source>
        <translation>Ajuster l&apos;IMNN avec cette configuration (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="317"/>
        <source>Fix the configuration first: `%1`: %2</source>
        <translation>Corrigez d&apos;abord la configuration : `%1` : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="323"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="254"/>
        <location filename="../app/gui/main_window.cpp" line="355"/>
        <location filename="../app/gui/main_window.cpp" line="357"/>
        <location filename="../app/gui/main_window.cpp" line="412"/>
        <location filename="../app/gui/main_window.cpp" line="482"/>
        <location filename="../app/gui/main_window.cpp" line="491"/>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="364"/>
        <source>Stopping after the current iteration…</source>
        <translation>Arrêt après l&apos;itération en cours…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="373"/>
        <source>Pausing after the current iteration…</source>
        <translation>Pause après l’itération en cours…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="330"/>
        <location filename="../app/gui/main_window.cpp" line="387"/>
        <source>%v / %m iterations</source>
        <translation>%v / %m itérations</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="93"/>
        <source>Draws a dashed line at this det F on the history plot (e.g. the analytic det F = 50 of the Gaussian example); filled from the config key `expected_detF` unless you type your own</source>
        <translation>Trace une ligne pointillée à ce det F sur le graphique d’historique (p. ex. le det F analytique = 50 de l’exemple gaussien) ; rempli depuis la clé de configuration `expected_detF` sauf si vous saisissez votre propre valeur</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="239"/>
        <source>Open &amp;example</source>
        <translation>Ouvrir l’&amp;exemple</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="253"/>
        <source>Opened the example %1</source>
        <translation>Exemple %1 ouvert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="259"/>
        <source>(no examples found beside the executable)</source>
        <translation>(aucun exemple trouvé à côté de l’exécutable)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="391"/>
        <source>patience 0/%1</source>
        <translation>patience 0/%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="393"/>
        <source>Fitting → %1</source>
        <translation>Ajustement en cours → %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="394"/>
        <source>Fitting → %1
%2</source>
        <translation>Ajustement en cours → %1
%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="414"/>
        <source>Fit finished</source>
        <translation>Ajustement terminé</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="414"/>
        <source>Fit stopped with an error</source>
        <translation>Ajustement arrêté par une erreur</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="462"/>
        <source>Fisher forecast %1</source>
        <translation>Prévision de Fisher %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="464"/>
        <source>θ_fid</source>
        <translation>θ_fid</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="466"/>
        <source>cannot show the Fisher forecast of %1: %2</source>
        <translation>impossible d&apos;afficher la prévision de Fisher de %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="477"/>
        <source>Open a run configuration</source>
        <translation>Ouvrir une configuration d&apos;exécution</translation>
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
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="486"/>
        <source>Save the run configuration</source>
        <translation>Enregistrer la configuration d&apos;exécution</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="493"/>
        <source>Saved %1; run it headless with: imnn fit %1</source>
        <translation>%1 enregistré ; lancez-le sans interface avec : imnn fit %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="498"/>
        <source>Folder holding run directories</source>
        <translation>Dossier contenant les exécutions</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="517"/>
        <source>A fit is running</source>
        <translation>Un ajustement est en cours</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="518"/>
        <source>Stop the fit and quit? The run is kept in %1.</source>
        <translation>Arrêter l&apos;ajustement et quitter ? L&apos;exécution est conservée dans %1.</translation>
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
        <translation>plugin</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="74"/>
        <source>details</source>
        <translation>détails</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="86"/>
        <source>Simulators (%1)</source>
        <translation>Simulateurs (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="89"/>
        <location filename="../app/gui/plugins_dialog.cpp" line="103"/>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="90"/>
        <location filename="../app/gui/plugins_dialog.cpp" line="104"/>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="91"/>
        <source>parameters</source>
        <translation>paramètres</translation>
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
        <translation>prior min</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="95"/>
        <source>prior high</source>
        <translation>prior max</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="96"/>
        <source>input shape</source>
        <translation>forme des données</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="97"/>
        <source>Jacobian</source>
        <translation>jacobienne</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="97"/>
        <source>yes (simulate_with_jacobian)</source>
        <translation>oui (simulate_with_jacobian)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="97"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="100"/>
        <source>Networks (%1)</source>
        <translation>Réseaux (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="107"/>
        <source>Skipped (%1)</source>
        <translation>Ignorés (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="110"/>
        <source>Searched folders</source>
        <translation>Dossiers parcourus</translation>
    </message>
</context>
<context>
    <name>imnn::gui::RefitController</name>
    <message>
        <location filename="../app/gui/refit_controller.cpp" line="25"/>
        <source>a refit is already running; cancel it first</source>
        <translation>un réajustement est déjà en cours ; annulez-le d’abord</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_controller.cpp" line="50"/>
        <source>Refit round %1 of at most %2: iteration %3, det F %4</source>
        <translation>Réajustement, tour %1 sur %2 au plus : itération %3, det F %4</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_controller.cpp" line="73"/>
        <source>Refit: estimating θ̂ of the target with the run&apos;s IMNN…</source>
        <translation>Réajustement : estimation de θ̂ de la cible avec l’IMNN du run…</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_controller.cpp" line="126"/>
        <source>Refit converged at round %1</source>
        <translation>Réajustement convergé au tour %1</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_controller.cpp" line="127"/>
        <source>Refit cancelled; rounds finished: %1</source>
        <translation>Réajustement annulé ; tours terminés : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_controller.cpp" line="128"/>
        <source>Refit did not converge; rounds: %1</source>
        <translation>Le réajustement n’a pas convergé ; tours : %1</translation>
    </message>
</context>
<context>
    <name>imnn::gui::RefitView</name>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="34"/>
        <source>Run directories (double-click to open):</source>
        <translation>Dossiers des runs (double-clic pour ouvrir) :</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="69"/>
        <source>θ̂ of the target per round, ±1 Fisher sd (round 0: the run)</source>
        <translation>θ̂ de la cible par tour, ±1 écart-type de Fisher (tour 0 : le run)</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="70"/>
        <source>θ̂ of the target per round, ±1 Fisher sd (round 0: the run); dashed: the target&apos;s θ</source>
        <translation>θ̂ de la cible par tour, ±1 écart-type de Fisher (tour 0 : le run) ; en tirets : θ de la cible</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="87"/>
        <source>θ%1</source>
        <translation>θ%1</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="93"/>
        <source>round</source>
        <translation>tour</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="95"/>
        <source>θ̂ of %1</source>
        <translation>θ̂ de %1</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="99"/>
        <source>±1 Fisher sd</source>
        <translation>±1 écart-type de Fisher</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="121"/>
        <source>target&apos;s θ</source>
        <translation>θ de la cible</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="140"/>
        <source>round 0 (the run): %1</source>
        <translation>tour 0 (le run) : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="141"/>
        <source>round %1: %2</source>
        <translation>tour %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="154"/>
        <source>No refit yet: choose the target above and press Refit.</source>
        <translation>Pas encore de réajustement : choisissez la cible ci-dessus et appuyez sur « Réajuster ».</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="162"/>
        <source>&lt;b&gt;Running&lt;/b&gt;: round %1 done</source>
        <translation>&lt;b&gt;En cours&lt;/b&gt; : tour %1 terminé</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="164"/>
        <source>&lt;b&gt;Converged&lt;/b&gt; at round %1: θ̂ moved %2 Fisher sd (below the tolerance %3)</source>
        <translation>&lt;b&gt;Convergé&lt;/b&gt; au tour %1 : θ̂ a bougé de %2 écarts-types de Fisher (sous la tolérance %3)</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="168"/>
        <source>&lt;b&gt;Not converged: cancelled&lt;/b&gt; after round %1</source>
        <translation>&lt;b&gt;Non convergé : annulé&lt;/b&gt; après le tour %1</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="170"/>
        <source>&lt;b&gt;Not converged&lt;/b&gt;: θ̂ still moved %1 Fisher sd in round %2 (tolerance %3); raise the rounds or the max iterations</source>
        <translation>&lt;b&gt;Non convergé&lt;/b&gt; : θ̂ a encore bougé de %1 écarts-types de Fisher au tour %2 (tolérance %3) ; augmentez les tours ou le maximum d’itérations</translation>
    </message>
    <message>
        <location filename="../app/gui/refit_view.cpp" line="185"/>
        <source>θ̂ = (%1) at θ_fid = (%2)</source>
        <translation>θ̂ = (%1) en θ_fid = (%2)</translation>
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
        <translation>échoué</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="104"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="105"/>
        <source>finished</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="112"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="112"/>
        <source>interrupted</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="119"/>
        <source>Raw JSON</source>
        <translation>JSON brut</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="120"/>
        <source>Folder…</source>
        <translation>Dossier…</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="121"/>
        <source>Choose the folder whose run directories are listed (runs/ of the CLI)</source>
        <translation>Choisir le dossier dont les exécutions sont listées (runs/ de la ligne de commande)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="122"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="123"/>
        <source>Overlay selected</source>
        <translation>Superposer la sélection</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="124"/>
        <source>Select several runs (Ctrl+click) to overlay their det F on the open run&apos;s plot, each in its own colour</source>
        <translation>Sélectionnez plusieurs exécutions (Ctrl+clic) pour superposer leur det F au graphique de l’exécution ouverte, chacune dans sa couleur</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="138"/>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="138"/>
        <source>started</source>
        <translation>début</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="138"/>
        <source>mode</source>
        <translation>mode</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="138"/>
        <source>status</source>
        <translation>état</translation>
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
        <translation>itérations</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="139"/>
        <source>stop reason</source>
        <translation>raison de l’arrêt</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="170"/>
        <source>Show result.json as written</source>
        <translation>Afficher result.json tel qu’écrit</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="416"/>
        <source>val det F standard error</source>
        <translation>erreur type de val det F</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="436"/>
        <source>val det F = %1, %2</source>
        <translation>val det F = %1, %2</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="243"/>
        <source>%1 does not exist yet: runs appear here after the first fit</source>
        <translation>%1 n&apos;existe pas encore : les exécutions apparaissent ici après le premier ajustement</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="319"/>
        <source>%1 has no history.csv: not a run directory of IMNN Studio (imnn fit writes one)</source>
        <translation>%1 n&apos;a pas de history.csv : ce n&apos;est pas une exécution d&apos;IMNN Studio (imnn fit en écrit une)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="364"/>
        <source>%1: %2 iterations so far, following the run as it is written</source>
        <translation>%1 : %2 itérations jusqu&apos;ici, l&apos;exécution est suivie pendant son écriture</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="378"/>
        <source>result.json does not parse: see the raw JSON</source>
        <translation>result.json illisible : voir le JSON brut</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="417"/>
        <source>det F (training, kept)</source>
        <translation>det F (entraînement, conservé)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="418"/>
        <source>max det F (early stopping)</source>
        <translation>det F max (arrêt précoce)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="421"/>
        <source>kept: best iteration</source>
        <translation>conservée : meilleure itération</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="421"/>
        <source>kept: final weights</source>
        <translation>conservés : poids finaux</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="423"/>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="424"/>
        <source>iterations / s</source>
        <translation>itérations / s</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="427"/>
        <source>F (at the kept weights)</source>
        <translation>F (aux poids conservés)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="429"/>
        <source>F⁻¹</source>
        <translation>F⁻¹</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="434"/>
        <source>stopped with an error: %1</source>
        <translation>arrêtée par une erreur : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="439"/>
        <source>%1: %2 iterations, %3</source>
        <translation>%1 : %2 itérations, %3</translation>
    </message>
</context>
<context>
    <name>imnn::gui::RunText</name>
    <message>
        <location filename="../app/gui/work_split.cpp" line="44"/>
        <source>stopped by you after %L1 iterations</source>
        <translation>arrêté par vous après %L1 itérations</translation>
    </message>
    <message>
        <location filename="../app/gui/work_split.cpp" line="47"/>
        <source>stopped by patience after %L1 iterations (no better validation det F)</source>
        <translation>arrêté par la patience après %L1 itérations (pas de meilleur det F de validation)</translation>
    </message>
    <message>
        <location filename="../app/gui/work_split.cpp" line="52"/>
        <source>stopped at max_iterations (%L1 iterations)</source>
        <translation>arrêté à max_iterations (%L1 itérations)</translation>
    </message>
    <message>
        <location filename="../app/gui/work_split.cpp" line="55"/>
        <source>stopped: %1 after %L2 iterations</source>
        <translation>arrêté : %1 après %L2 itérations</translation>
    </message>
</context>
<context>
    <name>imnn::gui::SimulationPreview</name>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="26"/>
        <source>One simulation of the selected simulator at θ_fid: the fit&apos;s first training simulation (its seed derived from the config&apos;s seed). Redrawn when the simulator, its options, θ_fid or the seed change</source>
        <translation>Une simulation du simulateur choisi en θ_fid : la première simulation d’entraînement de l’ajustement (sa graine dérivée de celle de la configuration). Redessinée quand le simulateur, ses options, θ_fid ou la graine changent</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="33"/>
        <source>No simulation yet</source>
        <translation>Pas encore de simulation</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="61"/>
        <source>No simulator: the array modes fit arrays from files</source>
        <translation>Pas de simulateur : les modes tableaux ajustent des tableaux lus dans des fichiers</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="69"/>
        <location filename="../app/gui/simulation_preview.cpp" line="95"/>
        <source>No preview: %1</source>
        <translation>Pas d’aperçu : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="76"/>
        <source>No preview: no simulator plugin &quot;%1&quot;</source>
        <translation>Pas d’aperçu : pas de plugin de simulateur « %1 »</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="82"/>
        <source>No preview: θ_fid has %1 values, the simulator %2 parameters</source>
        <translation>Pas d’aperçu : θ_fid a %1 valeurs, le simulateur %2 paramètres</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="138"/>
        <source>one simulation, shape (%1), θ = (%2), seed %3</source>
        <translation>une simulation, forme (%1), θ = (%2), graine %3</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="156"/>
        <source>%1 (channel 0)</source>
        <translation>%1 (canal 0)</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="174"/>
        <source>%1: no picture for inputs of rank %2</source>
        <translation>%1 : pas d’image pour des entrées de rang %2</translation>
    </message>
</context>
<context>
    <name>imnn::gui::WorkSplit</name>
    <message>
        <location filename="../app/gui/work_split.cpp" line="21"/>
        <source>one pass (activations kept: %1 MB, budget %2 MB)</source>
        <translation>une passe (activations conservées : %1 Mo, budget %2 Mo)</translation>
    </message>
    <message>
        <location filename="../app/gui/work_split.cpp" line="23"/>
        <source>two passes (activations recomputed: one pass needs %1 MB, budget %2 MB)</source>
        <translation>deux passes (activations recalculées : une passe demanderait %1 Mo, budget %2 Mo)</translation>
    </message>
    <message>
        <location filename="../app/gui/work_split.cpp" line="29"/>
        <source>work split: %1 device(s) [%2] × n_per_device %3, chunks: %4, %5</source>
        <translation>répartition du travail : %1 périphérique(s) [%2] × n_per_device %3, blocs : %4, %5</translation>
    </message>
    <message>
        <location filename="../app/gui/work_split.cpp" line="38"/>
        <source>, arrays streamed from disk</source>
        <translation>, tableaux lus en flux depuis le disque</translation>
    </message>
</context>
<context>
    <name>imnn::options</name>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="11"/>
        <source>file format marker (written by the program)</source>
        <translation>marqueur de format du fichier (écrit par le programme)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="12"/>
        <source>imnn-studio-config</source>
        <translation>imnn-studio-config</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="13"/>
        <source>config format version (this build reads 1)</source>
        <translation>version du format de configuration (ce build lit la version 1)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="14"/>
        <source>the run&apos;s name: the run directory is runs/&lt;name&gt;-&lt;date&gt;-&lt;time&gt; (a name, not a path; --run-dir chooses the folder)</source>
        <translation>nom de l&apos;exécution : le dossier d&apos;exécution est runs/&lt;name&gt;-&lt;date&gt;-&lt;time&gt; (un nom, pas un chemin ; --run-dir choisit le dossier)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="15"/>
        <source>fitting mode; auto picks simulator when the plugin has a Jacobian, else simulator-numerical, and gradient or numerical for arrays (Fitting modes)</source>
        <translation>mode d&apos;ajustement ; auto choisit simulator si le plugin fournit une jacobienne, sinon simulator-numerical, et gradient ou numerical pour des tableaux (Fitting modes)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="16"/>
        <source>why auto picked the mode (written by the program)</source>
        <translation>pourquoi auto a choisi ce mode (écrit par le programme)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="17"/>
        <source>written by the fit</source>
        <translation>écrit par l&apos;ajustement</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="18"/>
        <source>simulator plugin (&quot;simulator&quot;: &quot;name&quot; is short for {&quot;plugin&quot;: &quot;name&quot;})</source>
        <translation>plugin de simulateur (&quot;simulator&quot;: &quot;name&quot; abrège {&quot;plugin&quot;: &quot;name&quot;})</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="19"/>
        <source>none (array modes)</source>
        <translation>aucun (modes tableaux)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="20"/>
        <source>the simulator plugin&apos;s options (`imnn plugins` lists them)</source>
        <translation>options du plugin de simulateur (`imnn plugins` les liste)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="21"/>
        <source>Isolate the simulator</source>
        <translation>Isoler le simulateur</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="22"/>
        <source>run the simulations in child processes: a crash, exit or hang stops the fit with a message instead of taking it down (Simulator plugins)</source>
        <translation>exécuter les simulations dans des processus enfants : un plantage, une sortie ou un blocage arrête l&apos;ajustement avec un message au lieu de faire tomber le programme (Simulator plugins)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="23"/>
        <source>Call timeout</source>
        <translation>Délai par appel</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="24"/>
        <source>with isolate: a call (one chunk) running longer is stopped (0: no limit)</source>
        <translation>avec isolate : un appel (un bloc) qui dure plus longtemps est arrêté (0 : sans limite)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="25"/>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="26"/>
        <source>(n_s, *input_shape) array (paths relative to the config file; file.npz:member, file.h5:/dataset allowed)</source>
        <translation>tableau (n_s, *input_shape) (chemins relatifs au fichier de configuration ; file.npz:member, file.h5:/dataset acceptés)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="27"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="28"/>
        <source>gradient: (n_d, *input_shape, n_params); numerical: (n_d, 2, n_params, *input_shape)</source>
        <translation>gradient : (n_d, *input_shape, n_params) ; numerical : (n_d, 2, n_params, *input_shape)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="29"/>
        <source>optional fixed validation array, with data.validation_derivative</source>
        <translation>tableau de validation fixe facultatif, avec data.validation_derivative</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="30"/>
        <source>optional fixed validation derivatives, with data.validation_fiducial</source>
        <translation>dérivées de validation fixes facultatives, avec data.validation_fiducial</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="31"/>
        <source>on reads the arrays a chunk at a time from disk (memory-mapped .npy, HDF5 hyperslabs), off loads them, auto streams when they do not fit fit.memory_budget_mb</source>
        <translation>on lit les tableaux bloc par bloc depuis le disque (.npy projetés en mémoire, hyperslabs HDF5), off les charge, auto les lit en flux quand ils ne tiennent pas dans fit.memory_budget_mb</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="32"/>
        <source>network plugin: mlp, cnn, inception (Network plugins)</source>
        <translation>plugin de réseau : mlp, cnn, inception (Network plugins)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="33"/>
        <source>the network plugin&apos;s options, e.g. mlp: hidden, activation, negative_slope, alpha, output_size</source>
        <translation>options du plugin de réseau, p. ex. mlp : hidden, activation, negative_slope, alpha, output_size</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="34"/>
        <source>simulations for the covariance</source>
        <translation>simulations pour la covariance</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="35"/>
        <source>simulations with derivatives (the first n_d of the n_s); n_d &lt;= n_s</source>
        <translation>simulations avec dérivées (les n_d premières des n_s) ; n_d &lt;= n_s</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="36"/>
        <source>summaries the network outputs (0: n_params)</source>
        <translation>résumés produits par le réseau (0 : n_params)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="37"/>
        <source>n_params</source>
        <translation>n_params</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="38"/>
        <source>fiducial parameters, one per parameter (required by the array modes)</source>
        <translation>paramètres fiduciels, un par paramètre (requis par les modes tableaux)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="39"/>
        <source>the plugin&apos;s</source>
        <translation>valeurs du plugin</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="40"/>
        <source>finite-difference separations, one per parameter (simulator-numerical; its presence selects numerical for arrays)</source>
        <translation>écarts de différences finies, un par paramètre (simulator-numerical ; sa présence sélectionne numerical pour des tableaux)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="41"/>
        <source>adam (learning_rate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8) or sgd (learning_rate, momentum); both take an exponential decay as optax&apos;s exponential_decay: lr(t) = learning_rate · decay_rate^((t − decay_begin)/decay_steps) after decay_begin steps, never below end_learning_rate (defaults 1, 1000, 0, 0: constant)</source>
        <translation>adam (learning_rate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8) ou sgd (learning_rate, momentum) ; tous deux acceptent une décroissance exponentielle comme exponential_decay d&apos;optax : lr(t) = learning_rate · decay_rate^((t − decay_begin)/decay_steps) après decay_begin pas, jamais sous end_learning_rate (valeurs par défaut 1, 1000, 0, 0 : constant)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="42"/>
        <source>regulariser strength</source>
        <translation>intensité du régulariseur</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="43"/>
        <source>closeness of C to the identity</source>
        <translation>proximité de C à l&apos;identité</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="44"/>
        <source>iterations without improvement of the validation det F before stopping, counted after min_iterations</source>
        <translation>itérations sans amélioration du det F de validation avant l&apos;arrêt, comptées après min_iterations</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="45"/>
        <source>iterations</source>
        <translation>itérations</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="46"/>
        <source>iterations before patience counts</source>
        <translation>itérations avant que la patience ne compte</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="47"/>
        <source>most iterations</source>
        <translation>nombre maximal d&apos;itérations</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="48"/>
        <source>Keep the best weights</source>
        <translation>Garder les meilleurs poids</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="49"/>
        <source>keep the best (max validation det F) or the final weights</source>
        <translation>conserver les meilleurs poids (det F de validation max.) ou les poids finaux</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="50"/>
        <source>Whitened start</source>
        <translation>Départ blanchi</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="51"/>
        <source>before the first iteration, make the summaries of the first training set zero-mean and white through the last layer (F unchanged, the regulariser starts at 0); for networks whose initial summaries barely spread, e.g. after a global pool (the field example)</source>
        <translation>avant la première itération, rendre les résumés du premier jeu d&apos;entraînement centrés et blanchis par la dernière couche (F inchangée, le régulariseur part de 0) ; pour les réseaux dont les résumés initiaux sont peu dispersés, p. ex. après un pooling global (the field example)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="52"/>
        <source>Validate each iteration</source>
        <translation>Valider à chaque itération</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="53"/>
        <source>fresh validation simulations each iteration; their det F drives early stopping (array modes: the validation arrays; no validation without them)</source>
        <translation>nouvelles simulations de validation à chaque itération ; leur det F pilote l&apos;arrêt précoce (modes tableaux : les tableaux de validation ; pas de validation sans eux)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="54"/>
        <source>Validation simulations</source>
        <translation>Simulations de validation</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="55"/>
        <source>validation simulations per iteration (0: n_s; array modes: the validation arrays&apos; size)</source>
        <translation>simulations de validation par itération (0 : n_s ; modes tableaux : la taille des tableaux de validation)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="56"/>
        <source>n_s</source>
        <translation>n_s</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="57"/>
        <source>Validation derivatives</source>
        <translation>Dérivées de validation</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="58"/>
        <source>of the validation simulations, those with derivatives (0: n_d)</source>
        <translation>parmi les simulations de validation, celles avec dérivées (0 : n_d)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="59"/>
        <source>n_d</source>
        <translation>n_d</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="60"/>
        <source>Final statistics simulations</source>
        <translation>Simulations des statistiques finales</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="61"/>
        <source>fresh simulations (all with derivatives) for the final F, C, dμ/dθ, μ at the kept weights (0: n_s)</source>
        <translation>nouvelles simulations (toutes avec dérivées) pour F, C, dμ/dθ, μ finaux aux poids conservés (0 : n_s)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="62"/>
        <source>Checkpoint every</source>
        <translation>Point de reprise toutes les</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="63"/>
        <source>iterations between checkpoints in the run directory (0: none)</source>
        <translation>itérations entre deux points de contrôle dans le dossier d&apos;exécution (0 : aucun)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="64"/>
        <source>memory for activations: one pass when the activations of every chunk fit, else two (recomputed); with data.stream auto also the limit for loading arrays</source>
        <translation>mémoire pour les activations : une passe si les activations de tous les blocs y tiennent, sinon deux (recalculées) ; avec data.stream auto, aussi la limite de chargement des tableaux</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="65"/>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="66"/>
        <source>one seed for the weights and every simulation, 0 to 2^64 - 1 (counter-based: the result does not depend on threads, devices or ranks)</source>
        <translation>une seule graine pour les poids et toutes les simulations, de 0 à 2^64 - 1 (à base de compteur : le résultat ne dépend ni des threads, ni des périphériques, ni des rangs)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="67"/>
        <source>compute threads (0: all cores)</source>
        <translation>threads de calcul (0 : tous les cœurs)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="68"/>
        <source>devices the simulations are split over, e.g. [{&quot;kind&quot;: &quot;cpu&quot;, &quot;threads&quot;: 0}] (threads 0 takes `threads`; cuda is refused with the reason) (Devices and aggregation)</source>
        <translation>périphériques entre lesquels les simulations sont réparties, p. ex. [{&quot;kind&quot;: &quot;cpu&quot;, &quot;threads&quot;: 0}] (threads 0 reprend `threads` ; cuda est refusé avec la raison) (Devices and aggregation)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="69"/>
        <source>simulations per chunk (0: the whole set as one chunk); chunk k runs on device k mod the number of devices; the chunks, not the devices or threads, fix the arithmetic</source>
        <translation>simulations par bloc (0 : l&apos;ensemble entier en un seul bloc) ; le bloc k s&apos;exécute sur le périphérique k mod le nombre de périphériques ; ce sont les blocs, et non les périphériques ou les threads, qui fixent l&apos;arithmétique</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="70"/>
        <source>Plugin folders</source>
        <translation>Dossiers de plugins</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="71"/>
        <source>extra plugin folders, searched first (relative to the config file)</source>
        <translation>dossiers de plugins supplémentaires, parcourus en premier (relatifs au fichier de configuration)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="72"/>
        <source>Expected det F</source>
        <translation>det F attendu</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="73"/>
        <source>the det F the fit should reach when it is known (the Gaussian example&apos;s analytic 50): drawn as a line by the app; the fit does not use it</source>
        <translation>le det F que l&apos;ajustement devrait atteindre s&apos;il est connu (le 50 analytique de l&apos;exemple gaussien) : tracé en ligne par l&apos;application ; l&apos;ajustement ne l&apos;utilise pas</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="74"/>
        <source>ga (Gaussian approximation N(estimate, F^-1)), abc (rejection ABC) or pmc (ABC population Monte Carlo)</source>
        <translation>ga (approximation gaussienne N(estimation, F^-1)), abc (ABC par rejet) ou pmc (ABC Monte-Carlo à population)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="75"/>
        <source>observed data (.npy/.npz/.h5) of shape (*input_shape) or (1, *input_shape)</source>
        <translation>données observées (.npy/.npz/.h5) de forme (*input_shape) ou (1, *input_shape)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="76"/>
        <source>one of target, target_theta</source>
        <translation>l&apos;un de target, target_theta</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="77"/>
        <source>instead of target: simulate the target at these parameters with the run&apos;s simulator plugin and options</source>
        <translation>à la place de target : simuler la cible en ces paramètres avec le plugin de simulateur et les options de l&apos;exécution</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="78"/>
        <source>seed of the target_theta simulation</source>
        <translation>graine de la simulation target_theta</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="79"/>
        <source>output folder under RUN_DIR/inference</source>
        <translation>dossier de sortie sous RUN_DIR/inference</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="80"/>
        <source>the method</source>
        <translation>la méthode</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="81"/>
        <source>overwrite an existing output folder of that name</source>
        <translation>écraser un dossier de sortie existant de même nom</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="82"/>
        <source>seed of the prior draws and simulations</source>
        <translation>graine des tirages a priori et des simulations</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="83"/>
        <source>uniform on the box, or gaussian (prior_mean, prior_sd) truncated to it</source>
        <translation>uniform sur la boîte, ou gaussian (prior_mean, prior_sd) tronquée à celle-ci</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="84"/>
        <source>lower edges of the prior box, one per parameter</source>
        <translation>bornes inférieures de la boîte a priori, une par paramètre</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="85"/>
        <source>the simulator plugin&apos;s</source>
        <translation>valeurs du plugin de simulateur</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="86"/>
        <source>upper edges of the prior box, one per parameter</source>
        <translation>bornes supérieures de la boîte a priori, une par paramètre</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="87"/>
        <source>means of the gaussian prior</source>
        <translation>moyennes de l&apos;a priori gaussien</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="88"/>
        <source>required by prior gaussian</source>
        <translation>requis avec prior gaussian</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="89"/>
        <source>standard deviations of the gaussian prior</source>
        <translation>écarts-types de l&apos;a priori gaussien</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="90"/>
        <source>marginal grid points, one for all parameters or one per parameter</source>
        <translation>points de grille des marginales, un pour tous les paramètres ou un par paramètre</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="91"/>
        <source>probability masses of the highest-density contours</source>
        <translation>masses de probabilité des contours de plus haute densité</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="92"/>
        <source>Gaussian smoothing of the histograms (0: none)</source>
        <translation>lissage gaussien des histogrammes (0 : aucun)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="93"/>
        <source>bins</source>
        <translation>classes</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="94"/>
        <source>fisher: sqrt(dθᵀ F dθ) between estimates, or euclidean</source>
        <translation>fisher : sqrt(dθᵀ F dθ) entre estimations, ou euclidean</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="95"/>
        <source>acceptance distance: draws closer than it are kept; auto: the accept_fraction quantile of the draws&apos; distances</source>
        <translation>distance d&apos;acceptation : les tirages plus proches sont conservés ; auto : le quantile accept_fraction des distances des tirages</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="96"/>
        <source>Fisher units with distance fisher</source>
        <translation>unités de Fisher avec distance fisher</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="97"/>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="98"/>
        <source>with epsilon auto: the fraction of the draws accepted</source>
        <translation>avec epsilon auto : la fraction des tirages acceptés</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="99"/>
        <source>abc: draws from the prior per iteration; ga: draws written as samples</source>
        <translation>abc : tirages a priori par itération ; ga : tirages écrits comme échantillons</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="100"/>
        <source>abc 1000000, ga 10000</source>
        <translation>abc 1000000, ga 10000</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="101"/>
        <source>iterate until this many draws are accepted (0: one batch; needs a fixed epsilon)</source>
        <translation>itérer jusqu&apos;à ce que ce nombre de tirages soit accepté (0 : un seul lot ; requiert un epsilon fixe)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="102"/>
        <source>most iterations of the min_accepted loop (a warning says when it ends the loop first)</source>
        <translation>nombre maximal d&apos;itérations de la boucle min_accepted (un avertissement signale quand cette limite met fin à la boucle)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="103"/>
        <source>population size</source>
        <translation>taille de la population</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="104"/>
        <source>initial prior draws, &gt;= n_points (0: 10 x n_points)</source>
        <translation>tirages a priori initiaux, &gt;= n_points (0 : 10 x n_points)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="105"/>
        <source>points farther than this percentile of the distances move each iteration</source>
        <translation>les points plus éloignés que ce centile des distances sont déplacés à chaque itération</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="106"/>
        <source>stop when an iteration&apos;s accepted/draws falls below this (the reference&apos;s default is 0.1)</source>
        <translation>arrêter quand le rapport acceptés/tirages d&apos;une itération passe sous cette valeur (0.1 par défaut dans la référence)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="107"/>
        <source>safety limit on the iterations (the reference&apos;s default is 10)</source>
        <translation>limite de sécurité sur les itérations (10 par défaut dans la référence)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="108"/>
        <source>proposals per moved point per iteration (the reference&apos;s default is 1)</source>
        <translation>propositions par point déplacé et par itération (1 par défaut dans la référence)</translation>
    </message>
    <message>
        <location filename="../app/gui/option_strings.cpp" line="109"/>
        <source>redraws of a proposal to land inside the prior box; a proposal that finds none is abandoned</source>
        <translation>nouveaux tirages d&apos;une proposition pour tomber dans la boîte a priori ; une proposition qui n&apos;y parvient pas est abandonnée</translation>
    </message>
</context>
</TS>
