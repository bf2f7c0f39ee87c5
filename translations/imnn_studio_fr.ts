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
        <location filename="../app/gui/config_panel.cpp" line="133"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="136"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="137"/>
        <source>`name`: the run directory is runs/&lt;name&gt;-&lt;date&gt;-&lt;time&gt; (no reference counterpart)</source>
        <translation>`name` : le dossier de l&apos;exécution est runs/&lt;name&gt;-&lt;date&gt;-&lt;heure&gt; (pas d&apos;équivalent dans la référence)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="142"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="143"/>
        <source>`mode`: how the derivatives dd/dθ are obtained (reference: the IMNN class — SimulatorIMNN, GradientIMNN, NumericalGradientIMNN …)</source>
        <translation>`mode` : comment les dérivées dd/dθ sont obtenues (référence : la classe IMNN — SimulatorIMNN, GradientIMNN, NumericalGradientIMNN …)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="147"/>
        <location filename="../app/gui/config_panel.cpp" line="529"/>
        <source>Simulator</source>
        <translation>Simulateur</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="154"/>
        <location filename="../app/gui/config_panel.cpp" line="194"/>
        <source>Plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="155"/>
        <source>`simulator.plugin` (reference: SimulatorIMNN(simulator=…))</source>
        <translation>`simulator.plugin` (référence : SimulatorIMNN(simulator=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="157"/>
        <source>Options (JSON)</source>
        <translation>Options (JSON)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="158"/>
        <source>`simulator.options`: the plugin&apos;s options as a JSON object</source>
        <translation>`simulator.options` : les options du plugin, objet JSON</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="161"/>
        <source>parameter</source>
        <translation>paramètre</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="161"/>
        <source>θ_fid</source>
        <translation>θ_fid</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="161"/>
        <source>δθ</source>
        <translation>δθ</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="161"/>
        <source>prior low</source>
        <translation>prior min</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="161"/>
        <source>prior high</source>
        <translation>prior max</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="170"/>
        <location filename="../app/gui/config_panel.cpp" line="529"/>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="171"/>
        <source>`theta_fid` (reference: IMNN(θ_fid=…)) and `delta_theta` (reference: NumericalGradientIMNN(δθ=…)); the prior box comes from the plugin&apos;s descriptor</source>
        <translation>`theta_fid` (référence : IMNN(θ_fid=…)) et `delta_theta` (référence : NumericalGradientIMNN(δθ=…)) ; les bornes du prior viennent du descripteur du plugin</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="188"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="195"/>
        <source>`network.plugin` (reference: IMNN(model=stax.serial(…)))</source>
        <translation>`network.plugin` (référence : IMNN(model=stax.serial(…)))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="210"/>
        <source>auto (n_params)</source>
        <translation>auto (n_params)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="214"/>
        <source>n_summaries</source>
        <translation>n_summaries</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="215"/>
        <source>`n_summaries`: summaries the network outputs (reference: IMNN(n_summaries=…))</source>
        <translation>`n_summaries` : nombre de résumés produits par le réseau (référence : IMNN(n_summaries=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="218"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="221"/>
        <source>n_s</source>
        <translation>n_s</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="222"/>
        <source>`n_s`: simulations for the covariance (reference: IMNN(n_s=…))</source>
        <translation>`n_s` : simulations pour la covariance (référence : IMNN(n_s=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="224"/>
        <source>n_d</source>
        <translation>n_d</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="225"/>
        <source>`n_d`: simulations with derivatives, n_d ≤ n_s (reference: IMNN(n_d=…))</source>
        <translation>`n_d` : simulations avec dérivées, n_d ≤ n_s (référence : IMNN(n_d=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="228"/>
        <source>Optimiser</source>
        <translation>Optimiseur</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="229"/>
        <source>`optimiser.name` (reference: IMNN(optimiser=optax.adam(…)))</source>
        <translation>`optimiser.name` (référence : IMNN(optimiser=optax.adam(…)))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="231"/>
        <source>Learning rate</source>
        <translation>Taux d&apos;apprentissage</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="232"/>
        <source>`optimiser.learning_rate` (reference: optax.adam(learning_rate=1e-3))</source>
        <translation>`optimiser.learning_rate` (référence : optax.adam(learning_rate=1e-3))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="234"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="235"/>
        <source>`fit.lambda`: regulariser strength (reference: IMNN.fit(λ=10))</source>
        <translation>`fit.lambda` : force du régularisateur (référence : IMNN.fit(λ=10))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="237"/>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="238"/>
        <source>`fit.epsilon`: closeness of C to the identity (reference: IMNN.fit(ϵ=0.1))</source>
        <translation>`fit.epsilon` : proximité de C à l&apos;identité (référence : IMNN.fit(ϵ=0.1))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="240"/>
        <source>Patience</source>
        <translation>Patience</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="241"/>
        <source>`fit.patience`: iterations without improvement before stopping, counted after min_iterations (reference: IMNN.fit(patience=100))</source>
        <translation>`fit.patience` : itérations sans amélioration avant l&apos;arrêt, comptées après min_iterations (référence : IMNN.fit(patience=100))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="244"/>
        <source>Min iterations</source>
        <translation>Itérations min.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="245"/>
        <source>`fit.min_iterations` (reference: IMNN.fit(min_iterations=100))</source>
        <translation>`fit.min_iterations` (référence : IMNN.fit(min_iterations=100))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="247"/>
        <source>Max iterations</source>
        <translation>Itérations max.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="248"/>
        <source>`fit.max_iterations` (reference: IMNN.fit(max_iterations=100000))</source>
        <translation>`fit.max_iterations` (référence : IMNN.fit(max_iterations=100000))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="250"/>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="251"/>
        <source>`seed`: one seed for the weights and every simulation (reference: IMNN(key=…) and IMNN.fit(rng=…))</source>
        <translation>`seed` : une graine pour les poids et chaque simulation (référence : IMNN(key=…) et IMNN.fit(rng=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="300"/>
        <source>CPU devices</source>
        <translation>Périphériques CPU</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="301"/>
        <source>`devices`: CPU devices the simulations are split over, each with its own worker thread and backend, written as [{&quot;kind&quot;: &quot;cpu&quot;, &quot;threads&quot;: N}, …] (reference: AggregatedSimulatorIMNN(devices=…), the JAX devices)</source>
        <translation>`devices` : périphériques CPU sur lesquels les simulations sont réparties, chacun avec son propre thread de travail et son backend, écrits [{&quot;kind&quot;: &quot;cpu&quot;, &quot;threads&quot;: N}, …] (référence : AggregatedSimulatorIMNN(devices=…), les périphériques JAX)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="304"/>
        <source>all cores</source>
        <translation>tous les cœurs</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="309"/>
        <source>CUDA GPUs</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="321"/>
        <source>Memory budget (MB)</source>
        <translation>Budget mémoire (Mo)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="322"/>
        <source>`fit.memory_budget_mb`: memory for activations, in MB; one pass when every chunk&apos;s activations fit, else two (recomputed, as the reference always does)</source>
        <translation>`fit.memory_budget_mb` : mémoire pour les activations, en Mo ; une passe quand les activations de tous les blocs y tiennent, sinon deux (recalculées, comme le fait toujours la référence)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="427"/>
        <source>%1; fix it in a text editor</source>
        <translation>%1 ; corrigez le fichier dans un éditeur de texte</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="651"/>
        <source>give the plugin&apos;s options as a JSON object {…}</source>
        <translation>donnez les options du plugin sous forme d&apos;objet JSON {…}</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="660"/>
        <source>%1 of %2: %3</source>
        <translation>%1 de %2 : %3</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="295"/>
        <source>Devices</source>
        <translation>Périphériques</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="305"/>
        <source>Threads per device</source>
        <translation>Threads par périphérique</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="306"/>
        <source>`threads` and `devices[i].threads`: compute threads of each device, 0 = all cores (reference: none; XLA picks the threads of a JAX device)</source>
        <translation>`threads` et `devices[i].threads` : threads de calcul de chaque périphérique, 0 = tous les cœurs (référence : aucune ; XLA choisit les threads d’un périphérique JAX)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="312"/>
        <source>No CUDA device/build is available: this build of the engine computes on the CPU only (set the CPU devices and threads above)</source>
        <translation>Aucun périphérique/build CUDA disponible : ce build du moteur calcule uniquement sur le CPU (réglez les périphériques CPU et les threads ci-dessus)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="314"/>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="315"/>
        <source>whole set</source>
        <translation>ensemble entier</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="316"/>
        <source>n_per_device</source>
        <translation>n_per_device</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="317"/>
        <source>`n_per_device`: simulations per chunk, chunk k on device k mod the number of devices; 0 = the whole set as one chunk (reference: AggregatedSimulatorIMNN(n_per_device=…))</source>
        <translation>`n_per_device` : simulations par bloc, le bloc k sur le périphérique k mod le nombre de périphériques ; 0 = l’ensemble entier en un seul bloc (référence : AggregatedSimulatorIMNN(n_per_device=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="326"/>
        <source>Stream arrays</source>
        <translation>Lire les tableaux en flux</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="327"/>
        <source>`data.stream`: array modes only; on reads the arrays a chunk at a time from disk, off loads them, auto streams when they do not fit the memory budget (reference: none)</source>
        <translation>`data.stream` : modes tableaux uniquement ; on lit les tableaux bloc par bloc depuis le disque, off les charge, auto lit en flux quand ils ne tiennent pas dans le budget mémoire (référence : aucune)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="354"/>
        <source>a config must be a JSON object, got %1</source>
        <translation>une configuration doit être un objet JSON, reçu : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="420"/>
        <source>cannot open %1: %2; check the path</source>
        <translation>impossible d&apos;ouvrir %1 : %2 ; vérifiez le chemin</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="436"/>
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
        <location filename="../app/gui/data_files_box.cpp" line="46"/>
        <source>Data files</source>
        <translation>Fichiers de données</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="48"/>
        <source>Fiducial</source>
        <translation>Fiduciel</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="48"/>
        <source>Derivative</source>
        <translation>Dérivée</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="48"/>
        <source>Validation fiducial</source>
        <translation>Validation fiduciel</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="49"/>
        <source>Validation derivative</source>
        <translation>Validation dérivée</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="51"/>
        <source>`data.fiducial`: simulations at θ_fid, shape (n_s, *input_shape) (reference: GradientIMNN(fiducial=…))</source>
        <translation>`data.fiducial` : simulations en θ_fid, forme (n_s, *input_shape) (référence : GradientIMNN(fiducial=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="53"/>
        <source>`data.derivative`: gradient mode (n_d, *input_shape, n_params) (reference: GradientIMNN(derivative=…)); numerical mode (n_d, 2, n_params, *input_shape), the simulations at θ_fid ∓ δθ/2 (reference: NumericalGradientIMNN(derivative=…))</source>
        <translation>`data.derivative` : mode gradient (n_d, *input_shape, n_params) (référence : GradientIMNN(derivative=…)) ; mode numerical (n_d, 2, n_params, *input_shape), les simulations en θ_fid ∓ δθ/2 (référence : NumericalGradientIMNN(derivative=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="56"/>
        <source>`data.validation_fiducial`: optional validation simulations (reference: validation_fiducial=…)</source>
        <translation>`data.validation_fiducial` : simulations de validation facultatives (référence : validation_fiducial=…)</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="58"/>
        <source>`data.validation_derivative`: optional, with the validation fiducial (reference: validation_derivative=…)</source>
        <translation>`data.validation_derivative` : facultatif, avec la validation fiducielle (référence : validation_derivative=…)</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="69"/>
        <source>.npy, .npz:member or .h5:/dataset</source>
        <translation>.npy, .npz:membre ou .h5:/jeu</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="69"/>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="70"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="90"/>
        <source>%1 array</source>
        <translation>Tableau %1</translation>
    </message>
    <message>
        <location filename="../app/gui/data_files_box.cpp" line="91"/>
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
        <location filename="../app/gui/fit_controller.cpp" line="37"/>
        <source>a fit is already running; stop it first</source>
        <translation>un ajustement est déjà en cours ; arrêtez-le d&apos;abord</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="124"/>
        <source>Fitting → %1</source>
        <translation>Ajustement en cours → %1</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="152"/>
        <source>Paused after %1 / %2 iterations; Resume continues the same fit (%3)</source>
        <translation>En pause après %1 / %2 itérations ; Reprendre poursuit le même ajustement (%3)</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="212"/>
        <source>The fit stopped: %1. The history so far is in %2</source>
        <translation>L&apos;ajustement s&apos;est arrêté : %1. L&apos;historique jusqu&apos;ici est dans %2</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="218"/>
        <source>det F = %L1 (validation, kept %2 weights; training %L3) in %L4 s, %5 → %6</source>
        <translation>det F = %L1 (validation, poids %2 conservés ; entraînement %L3) en %L4 s, %5 → %6</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="221"/>
        <source>best</source>
        <translation>meilleurs</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="221"/>
        <source>final</source>
        <translation>derniers</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="227"/>
        <source>No iteration was run (%1) → %2</source>
        <translation>Aucune itération n&apos;a été effectuée (%1) → %2</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="232"/>
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
        <location filename="../app/gui/infer_panel.cpp" line="99"/>
        <source>Gaussian approximation</source>
        <translation>Approximation gaussienne</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="100"/>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="101"/>
        <source>PMC</source>
        <translation>PMC</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="119"/>
        <source>Trained run</source>
        <translation>Exécution entraînée</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="123"/>
        <source>fit, or open a run in the Runs tab</source>
        <translation>ajustez, ou ouvrez une exécution dans l’onglet Exécutions</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="124"/>
        <source>The run directory whose model.json compresses the data (`imnn infer METHOD RUN_DIR`); results go to RUN_DIR/inference/&lt;name&gt;/</source>
        <translation>Le dossier d’exécution dont le model.json compresse les données (`imnn infer METHOD RUN_DIR`) ; les résultats vont dans RUN_DIR/inference/&lt;name&gt;/</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="126"/>
        <location filename="../app/gui/infer_panel.cpp" line="158"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="133"/>
        <source>Run directory</source>
        <translation>Dossier d’exécution</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="137"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="139"/>
        <source>Simulate at θ</source>
        <translation>Simuler en θ</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="140"/>
        <source>Load data (.npy)</source>
        <translation>Charger des données (.npy)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="147"/>
        <source>θ</source>
        <translation>θ</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="148"/>
        <source>`target_theta`: the parameters to simulate the target at, one per parameter (reference: the target data d_obs made with simulator(key, θ_target))</source>
        <translation>`target_theta` : les paramètres où simuler la cible, un par paramètre (référence : les données cibles d_obs faites avec simulator(key, θ_target))</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="151"/>
        <location filename="../app/gui/infer_panel.cpp" line="273"/>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="152"/>
        <source>`target_seed`: seed of the target simulation</source>
        <translation>`target_seed` : graine de la simulation cible</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="161"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="162"/>
        <source>`target`: observed data (.npy/.npz/.h5) of shape (*input_shape) or (1, *input_shape) (reference: target_data)</source>
        <translation>`target` : données observées (.npy/.npz/.h5) de forme (*input_shape) ou (1, *input_shape) (référence : target_data)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="168"/>
        <source>Target data</source>
        <translation>Données cibles</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="169"/>
        <source>Arrays (*.npy *.npz *.h5 *.hdf5)</source>
        <translation>Tableaux (*.npy *.npz *.h5 *.hdf5)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="176"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="182"/>
        <source>ga: N(estimate, F⁻¹) (reference: GaussianApproximation); abc: rejection ABC (reference: ApproximateBayesianComputation); pmc: ABC population Monte Carlo (reference: PopulationMonteCarlo)</source>
        <translation>ga : N(estimation, F⁻¹) (référence : GaussianApproximation) ; abc : ABC par rejet (référence : ApproximateBayesianComputation) ; pmc : ABC Monte-Carlo à population (référence : PopulationMonteCarlo)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="198"/>
        <source>Draws</source>
        <translation>Tirages</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="199"/>
        <source>`n_samples`: draws from N(estimate, F⁻¹) inside the prior box written as the GetDist samples</source>
        <translation>`n_samples` : tirages de N(estimation, F⁻¹) dans la boîte a priori, écrits comme échantillons GetDist</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="203"/>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="212"/>
        <source>Draws per iteration</source>
        <translation>Tirages par itération</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="213"/>
        <source>`n_samples`: draws from the prior per iteration (reference: n_samples)</source>
        <translation>`n_samples` : tirages de l’a priori par itération (référence : n_samples)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="214"/>
        <source>one batch</source>
        <translation>un lot</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="215"/>
        <source>Min accepted</source>
        <translation>Min. acceptés</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="216"/>
        <source>`min_accepted`: iterate until this many draws are accepted (reference: min_accepted)</source>
        <translation>`min_accepted` : itérer jusqu’à accepter ce nombre de tirages (référence : min_accepted)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="219"/>
        <location filename="../app/gui/infer_panel.cpp" line="240"/>
        <location filename="../app/gui/infer_panel.cpp" line="300"/>
        <source>Max iterations</source>
        <translation>Itérations max.</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="220"/>
        <source>`max_iterations`: most iterations of the min_accepted loop (reference: max_iterations)</source>
        <translation>`max_iterations` : nombre maximal d’itérations de la boucle min_accepted (référence : max_iterations)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="224"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="225"/>
        <source>`n_points`: population size (reference: PopulationMonteCarlo(n_points=…))</source>
        <translation>`n_points` : taille de la population (référence : PopulationMonteCarlo(n_points=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="226"/>
        <source>10 × population</source>
        <translation>10 × population</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="227"/>
        <source>Initial draws</source>
        <translation>Tirages initiaux</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="228"/>
        <source>`n_initial_points`: initial prior draws, ≥ the population (reference: n_initial_points)</source>
        <translation>`n_initial_points` : tirages initiaux de l’a priori, ≥ la population (référence : n_initial_points)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="231"/>
        <source>Percentile</source>
        <translation>Centile</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="232"/>
        <source>`percentile`: points farther than this distance percentile move each iteration (reference: percentile=75)</source>
        <translation>`percentile` : les points plus éloignés que ce centile de distance bougent à chaque itération (référence : percentile=75)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="235"/>
        <source>Acceptance ratio</source>
        <translation>Taux d’acceptation</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="244"/>
        <source>Proposals per point</source>
        <translation>Propositions par point</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="204"/>
        <source>`epsilon`: acceptance distance; draws with ρ &lt; ε are kept (reference: ApproximateBayesianComputation(ϵ=…)); auto: the distance that accepts the accept fraction of the draws</source>
        <translation>`epsilon` : distance d&apos;acceptation ; les tirages avec ρ &lt; ε sont conservés (référence : ApproximateBayesianComputation(ϵ=…)) ; auto : la distance qui accepte la fraction d&apos;acceptation des tirages</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="208"/>
        <source>Accept fraction</source>
        <translation>Fraction acceptée</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="209"/>
        <source>`accept_fraction`: with ε auto, the fraction of the draws accepted (ε is that quantile of their distances; no reference counterpart)</source>
        <translation>`accept_fraction` : avec ε auto, la fraction des tirages acceptés (ε est ce quantile de leurs distances ; pas d&apos;équivalent dans la référence)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="236"/>
        <source>`acceptance_ratio`: PMC has converged when accepted/draws of an iteration falls below this (reference: acceptance_ratio=0.1; 0.02 here, measured to give the exact posterior&apos;s widths)</source>
        <translation>`acceptance_ratio` : PMC a convergé quand acceptés/tirages d&apos;une itération passe sous cette valeur (référence : acceptance_ratio=0.1 ; ici 0,02, mesuré pour retrouver les largeurs du postérieur exact)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="241"/>
        <source>`max_iteration`: a safety limit; a run it stops is marked not converged (reference: max_iteration=10, which stops before convergence)</source>
        <translation>`max_iteration` : une limite de sécurité ; une exécution qu&apos;elle arrête est marquée non convergée (référence : max_iteration=10, qui s&apos;arrête avant la convergence)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="245"/>
        <source>`max_acceptance`: proposals per moved point per iteration (reference: max_acceptance=1; 10 here)</source>
        <translation>`max_acceptance` : propositions par point déplacé et par itération (référence : max_acceptance=1 ; ici 10)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="251"/>
        <source>Prior and output</source>
        <translation>A priori et sortie</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="254"/>
        <source>Prior low</source>
        <translation>A priori bas</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="255"/>
        <source>`prior_low`: lower bounds of the uniform prior box, one per parameter (default: the simulator plugin&apos;s; reference: prior=tfd.Uniform(low, high))</source>
        <translation>`prior_low` : bornes inférieures de la boîte a priori uniforme, une par paramètre (par défaut : celles du plugin simulateur ; référence : prior=tfd.Uniform(low, high))</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="258"/>
        <source>Prior high</source>
        <translation>A priori haut</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="259"/>
        <source>`prior_high`: upper bounds of the prior box, one per parameter</source>
        <translation>`prior_high` : bornes supérieures de la boîte a priori, une par paramètre</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="262"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="263"/>
        <source>`distance`: fisher sqrt(dθᵀ F dθ) between estimates (the reference&apos;s), or euclidean</source>
        <translation>`distance` : fisher sqrt(dθᵀ F dθ) entre estimations (celle de la référence), ou euclidean</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="266"/>
        <source>Grid points</source>
        <translation>Points de grille</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="267"/>
        <source>`gridsize`: marginal grid points per parameter (reference: gridsize=100)</source>
        <translation>`gridsize` : points de grille des marginales par paramètre (référence : gridsize=100)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="269"/>
        <source>Smoothing</source>
        <translation>Lissage</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="270"/>
        <source>`smoothing`: Gaussian smoothing of the ABC and PMC histograms, in bins (reference: smoothing); a change re-smooths the shown results at once</source>
        <translation>`smoothing` : lissage gaussien des histogrammes ABC et PMC, en classes (référence : smoothing) ; un changement lisse de nouveau les résultats affichés aussitôt</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="274"/>
        <source>`seed`: seed of the prior draws and simulations (reference: rng)</source>
        <translation>`seed` : graine des tirages a priori et des simulations (référence : rng)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="275"/>
        <source>all cores</source>
        <translation>tous les cœurs</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="276"/>
        <source>CPU threads</source>
        <translation>Threads CPU</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="277"/>
        <source>`threads`: compute threads, 0 = all cores</source>
        <translation>`threads` : threads de calcul, 0 = tous les cœurs</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="279"/>
        <source>the method</source>
        <translation>la méthode</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="280"/>
        <source>Output name</source>
        <translation>Nom de sortie</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="281"/>
        <source>`name`: the folder RUN_DIR/inference/&lt;name&gt;; an earlier result of that name is replaced</source>
        <translation>`name` : le dossier RUN_DIR/inference/&lt;name&gt; ; un résultat antérieur de ce nom est remplacé</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="286"/>
        <source>Refit at the estimate</source>
        <translation>Réajustement à l’estimation</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="287"/>
        <source>Fit new IMNNs at θ_fid = θ̂ of the target until θ̂ settles (`imnn refit RUN --target …`): each round is a run directory RUN_DIR/refit/round_&lt;k&gt;/, the trajectory RUN_DIR/refit.json</source>
        <translation>Ajuster de nouveaux IMNN en θ_fid = θ̂ de la cible jusqu’à ce que θ̂ se stabilise (`imnn refit RUN --target …`) : chaque tour est un dossier de run RUN_DIR/refit/round_&lt;k&gt;/, la trajectoire RUN_DIR/refit.json</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="293"/>
        <source>Rounds</source>
        <translation>Tours</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="294"/>
        <source>`--rounds`: most fits after the first run</source>
        <translation>`--rounds` : nombre maximal d’ajustements après le premier run</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="296"/>
        <source>Tolerance</source>
        <translation>Tolérance</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="297"/>
        <source>`--tolerance`: stop when θ̂ moves less than this many Fisher standard deviations √(Δθᵀ F Δθ) between rounds</source>
        <translation>`--tolerance` : arrêter quand θ̂ bouge de moins de ce nombre d’écarts-types de Fisher √(Δθᵀ F Δθ) entre deux tours</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="299"/>
        <source>the run&apos;s</source>
        <translation>celles du run</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="301"/>
        <source>`--max-iterations`: fit.max_iterations of each round (the run&apos;s own by default)</source>
        <translation>`--max-iterations` : fit.max_iterations de chaque tour (par défaut celles du run)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="302"/>
        <source>Warm start</source>
        <translation>Démarrage à chaud</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="305"/>
        <source>`--warm-start`: start each round from the previous round&apos;s kept weights</source>
        <translation>`--warm-start` : démarrer chaque tour avec les poids retenus du tour précédent</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="306"/>
        <source>Replace an earlier refit</source>
        <translation>Remplacer un réajustement antérieur</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="309"/>
        <source>`--replace`: delete RUN_DIR/refit/ of an earlier refit first</source>
        <translation>`--replace` : supprimer d’abord RUN_DIR/refit/ d’un réajustement antérieur</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="310"/>
        <source>Refit</source>
        <translation>Réajuster</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="312"/>
        <source>Run the refit on a worker thread; Cancel stops the round&apos;s fit (its run is kept) and the refit</source>
        <translation>Lancer le réajustement dans un thread de travail ; Annuler arrête l’ajustement du tour (son run est conservé) et le réajustement</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="317"/>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="319"/>
        <source>Run the chosen method on a worker thread (Ctrl+I)</source>
        <translation>Lancer la méthode choisie dans un thread de travail (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="320"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="321"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="322"/>
        <source>Stop the inference at its next check; what it has is kept</source>
        <translation>Arrêter l’inférence à sa prochaine vérification ; ce qui est acquis est gardé</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="326"/>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="377"/>
        <source>Run directories (double-click to open):</source>
        <translation>Dossiers des runs (double-clic pour ouvrir) :</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="392"/>
        <source>Show accepted samples</source>
        <translation>Afficher les échantillons acceptés</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="393"/>
        <source>Scatter the accepted ABC draws (or the PMC population) below the diagonal</source>
        <translation>Afficher en nuage les tirages ABC acceptés (ou la population PMC) sous la diagonale</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="395"/>
        <source>Export PNG / PDF…</source>
        <translation>Exporter en PNG / PDF…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="396"/>
        <source>Export GetDist…</source>
        <translation>Exporter GetDist…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="397"/>
        <source>Write the samples of the last result as a GetDist root (root_1.txt, root.paramnames, root.ranges)</source>
        <translation>Écrire les échantillons du dernier résultat comme racine GetDist (root_1.txt, root.paramnames, root.ranges)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="399"/>
        <source>Show ABC summaries</source>
        <translation>Afficher les résumés ABC</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="401"/>
        <source>Show refit</source>
        <translation>Afficher le réajustement</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="403"/>
        <source>Show the trajectory of θ̂ over the refit&apos;s rounds instead of the corner plot</source>
        <translation>Afficher la trajectoire de θ̂ au fil des tours au lieu du corner plot</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="501"/>
        <source>%1 has no model.json yet: fit it to the end (or stop it) first</source>
        <translation>%1 n’a pas encore de model.json : ajustez-la jusqu’au bout (ou arrêtez-la) d’abord</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="529"/>
        <source>Ready to infer with %1</source>
        <translation>Prêt pour l’inférence avec %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="596"/>
        <location filename="../app/gui/infer_panel.cpp" line="878"/>
        <source>error: no trained run: fit one, or open a run in the Runs tab</source>
        <translation>erreur : aucune exécution entraînée : ajustez-en une, ou ouvrez une exécution dans l’onglet Exécutions</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="602"/>
        <location filename="../app/gui/infer_panel.cpp" line="605"/>
        <location filename="../app/gui/infer_panel.cpp" line="607"/>
        <location filename="../app/gui/infer_panel.cpp" line="622"/>
        <location filename="../app/gui/infer_panel.cpp" line="839"/>
        <location filename="../app/gui/infer_panel.cpp" line="893"/>
        <location filename="../app/gui/infer_panel.cpp" line="897"/>
        <location filename="../app/gui/infer_panel.cpp" line="899"/>
        <location filename="../app/gui/infer_panel.cpp" line="907"/>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="614"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="621"/>
        <location filename="../app/gui/infer_panel.cpp" line="906"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="621"/>
        <location filename="../app/gui/infer_panel.cpp" line="906"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="638"/>
        <source>ABC (%1 accepted)</source>
        <translation>ABC (%1 acceptés)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="640"/>
        <source>PMC (%1 points)</source>
        <translation>PMC (%1 points)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="642"/>
        <source>, cancelled</source>
        <translation>, annulée</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="644"/>
        <source>, not converged</source>
        <translation>, non convergé</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="654"/>
        <source>error: smoothing: %1</source>
        <translation>erreur : lissage : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="655"/>
        <source>type a number of bins &gt;= 0, e.g. %1</source>
        <translation>saisissez un nombre de classes &gt;= 0, p. ex. %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="679"/>
        <source>θ_fid</source>
        <translation>θ_fid</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="680"/>
        <source>true θ</source>
        <translation>θ vrai</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="689"/>
        <source>%1 did not converge (its posterior may be too wide or shifted): %2</source>
        <translation>%1 n&apos;a pas convergé (son postérieur peut être trop large ou décalé) : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="707"/>
        <source>The last ABC run accepted no draws: raise ε or the draws and run ABC again</source>
        <translation>La dernière exécution ABC n&apos;a accepté aucun tirage : augmentez ε ou le nombre de tirages et relancez ABC</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="708"/>
        <source>No ABC result yet: run ABC (Method: ABC) to scatter its accepted summaries</source>
        <translation>Pas encore de résultat ABC : lancez ABC (Méthode : ABC) pour disperser ses résumés acceptés</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="713"/>
        <source>Show the summaries (quasi-ML estimates θ̂) of the accepted ABC draws in summary space, the target&apos;s summary marked (reference: ABC.scatter_summaries)</source>
        <translation>Afficher les résumés (estimateurs quasi-MV θ̂) des tirages ABC acceptés dans l&apos;espace des résumés, le résumé de la cible marqué (référence : ABC.scatter_summaries)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="735"/>
        <source>summary of %1</source>
        <translation>résumé de %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="736"/>
        <source>summary %1</source>
        <translation>résumé %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="740"/>
        <source>ABC accepted summaries (%1)</source>
        <translation>résumés ABC acceptés (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="742"/>
        <source>accepted draws&apos; summaries</source>
        <translation>résumés des tirages acceptés</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="744"/>
        <source>target&apos;s summary</source>
        <translation>résumé de la cible</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="758"/>
        <source>ABC accepted draws</source>
        <translation>tirages ABC acceptés</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="758"/>
        <source>PMC population</source>
        <translation>population PMC</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="812"/>
        <source>Export the corner plot</source>
        <translation>Exporter le corner plot</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="814"/>
        <source>PDF, vector (*.pdf);;PNG (*.png)</source>
        <translation>PDF, vectoriel (*.pdf);;PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="819"/>
        <source>PNG resolution</source>
        <translation>Résolution PNG</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="820"/>
        <source>Dots per inch (the shown figure at 96 dpi):</source>
        <translation>Points par pouce (la figure affichée à 96 dpi) :</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="828"/>
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="829"/>
        <source>error: cannot write %1; choose another folder</source>
        <translation>erreur : impossible d’écrire %1 ; choisissez un autre dossier</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="835"/>
        <source>GetDist root (files root_1.txt, root.paramnames, root.ranges)</source>
        <translation>Racine GetDist (fichiers root_1.txt, root.paramnames, root.ranges)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="838"/>
        <source>Wrote the GetDist root %1</source>
        <translation>Racine GetDist %1 écrite</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="886"/>
        <source>error: %1 holds an earlier refit: tick “Replace an earlier refit” to overwrite it</source>
        <translation>erreur : %1 contient un réajustement antérieur : cochez « Remplacer un réajustement antérieur » pour l’écraser</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="929"/>
        <source>θ̂ of the target per round, ±1 Fisher sd (round 0: the run)</source>
        <translation>θ̂ de la cible par tour, ±1 écart-type de Fisher (tour 0 : le run)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="930"/>
        <source>θ̂ of the target per round, ±1 Fisher sd (round 0: the run); dashed: the target&apos;s θ</source>
        <translation>θ̂ de la cible par tour, ±1 écart-type de Fisher (tour 0 : le run) ; en tirets : θ de la cible</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="946"/>
        <source>θ%1</source>
        <translation>θ%1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="952"/>
        <source>round</source>
        <translation>tour</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="954"/>
        <source>θ̂ of %1</source>
        <translation>θ̂ de %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="958"/>
        <source>±1 Fisher sd</source>
        <translation>±1 écart-type de Fisher</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="980"/>
        <source>target&apos;s θ</source>
        <translation>θ de la cible</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="998"/>
        <source>round 0 (the run): %1</source>
        <translation>tour 0 (le run) : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="999"/>
        <source>round %1: %2</source>
        <translation>tour %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="1009"/>
        <source>No refit yet: choose the target above and press Refit.</source>
        <translation>Pas encore de réajustement : choisissez la cible ci-dessus et appuyez sur « Réajuster ».</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="1016"/>
        <source>&lt;b&gt;Running&lt;/b&gt;: round %1 done</source>
        <translation>&lt;b&gt;En cours&lt;/b&gt; : tour %1 terminé</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="1018"/>
        <source>&lt;b&gt;Converged&lt;/b&gt; at round %1: θ̂ moved %2 Fisher sd (below the tolerance %3)</source>
        <translation>&lt;b&gt;Convergé&lt;/b&gt; au tour %1 : θ̂ a bougé de %2 écarts-types de Fisher (sous la tolérance %3)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="1022"/>
        <source>&lt;b&gt;Not converged: cancelled&lt;/b&gt; after round %1</source>
        <translation>&lt;b&gt;Non convergé : annulé&lt;/b&gt; après le tour %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="1024"/>
        <source>&lt;b&gt;Not converged&lt;/b&gt;: θ̂ still moved %1 Fisher sd in round %2 (tolerance %3); raise the rounds or the max iterations</source>
        <translation>&lt;b&gt;Non convergé&lt;/b&gt; : θ̂ a encore bougé de %1 écarts-types de Fisher au tour %2 (tolérance %3) ; augmentez les tours ou le maximum d’itérations</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="1039"/>
        <source>θ̂ = (%1) at θ_fid = (%2)</source>
        <translation>θ̂ = (%1) en θ_fid = (%2)</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="1042"/>
        <source>det F = %1</source>
        <translation>det F = %1</translation>
    </message>
    <message>
        <location filename="../app/gui/infer_panel.cpp" line="1042"/>
        <source>F =</source>
        <translation>F =</translation>
    </message>
</context>
<context>
    <name>imnn::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="75"/>
        <location filename="../app/gui/main_window.cpp" line="138"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="76"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="76"/>
        <location filename="../app/gui/main_window.cpp" line="325"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="79"/>
        <source>IMNN Studio</source>
        <translation>IMNN Studio</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="86"/>
        <source>Fit the IMNN with this configuration (Ctrl+R); the run is written to the runs folder as `imnn fit` does</source>
        <translation>Ajuster l&apos;IMNN avec cette configuration (Ctrl+R) ; l&apos;exécution est écrite dans le dossier des exécutions comme par `imnn fit`</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="88"/>
        <source>Stop the fit after the current iteration; the run is kept</source>
        <translation>Arrêter l&apos;ajustement après l&apos;itération en cours ; l&apos;exécution est conservée</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="89"/>
        <source>Pause the fit after the current iteration, or resume it (Ctrl+P); the resumed fit continues exactly where it paused</source>
        <translation>Mettre l’ajustement en pause après l’itération en cours, ou le reprendre (Ctrl+P) ; l’ajustement repris continue exactement où il s’était arrêté</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="94"/>
        <source>e.g. 50</source>
        <translation>p. ex. 50</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="100"/>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="108"/>
        <source>Time since the fit started, iterations per second over the last iterations, and the estimated time left: to max_iterations, and once the patience counter runs, to the stop it gives if det F does not improve</source>
        <translation>Temps depuis le début de l’ajustement, itérations par seconde sur les dernières itérations, et temps restant estimé : jusqu’à max_iterations et, dès que le compteur de patience tourne, jusqu’à l’arrêt qu’il donne si det F ne s’améliore pas</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="124"/>
        <source>Expected det F</source>
        <translation>det F attendu</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="139"/>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="140"/>
        <source>Infer</source>
        <translation>Inférence</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="152"/>
        <source>%1 · paused</source>
        <translation>%1 · en pause</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="181"/>
        <source>patience counts after %1</source>
        <translation>la patience compte après %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="182"/>
        <source>patience %1/%2</source>
        <translation>patience %1/%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="208"/>
        <source>the built-in example gaussian_mean_variance.json was not found beside the executable (share/imnn-studio/examples); reinstall, or open a config with File ▸ Open</source>
        <translation>l&apos;exemple intégré gaussian_mean_variance.json est introuvable à côté de l&apos;exécutable (share/imnn-studio/examples) ; réinstallez, ou ouvrez une configuration avec Fichier ▸ Ouvrir</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="212"/>
        <source>error: %1; the built-in example is shown</source>
        <translation>erreur : %1 ; l&apos;exemple intégré est affiché</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="224"/>
        <source>No simulator plugin was found (Tools ▸ Plugins lists the folders searched and why files were skipped); pass --plugin-dir or set IMNN_PLUGIN_PATH</source>
        <translation>Aucun plugin de simulateur trouvé (Outils ▸ Plugins liste les dossiers parcourus et pourquoi des fichiers ont été ignorés) ; passez --plugin-dir ou définissez IMNN_PLUGIN_PATH</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="234"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="235"/>
        <source>&amp;Open config…</source>
        <translation>&amp;Ouvrir une configuration…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="237"/>
        <source>&amp;Save config as…</source>
        <translation>&amp;Enregistrer la configuration sous…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="262"/>
        <source>Open &amp;runs folder…</source>
        <translation>Ouvrir le dossier des e&amp;xécutions…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="263"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="265"/>
        <source>&amp;Export corner plot…</source>
        <translation>E&amp;xporter le corner plot…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="266"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="268"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="271"/>
        <source>&amp;Run</source>
        <translation>E&amp;xécution</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="272"/>
        <source>&amp;Fit</source>
        <translation>&amp;Ajuster</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="273"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="274"/>
        <source>&amp;Pause / resume</source>
        <translation>&amp;Pause / reprise</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="275"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="276"/>
        <source>&amp;Stop</source>
        <translation>A&amp;rrêter</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="277"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="278"/>
        <source>&amp;Tools</source>
        <translation>O&amp;utils</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="279"/>
        <source>&amp;Plugins…</source>
        <translation>&amp;Plugins…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="280"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="283"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="294"/>
        <source>The language changes at the next start of IMNN Studio</source>
        <translation>La langue change au prochain démarrage d&apos;IMNN Studio</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="298"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="318"/>
        <source>Fit the IMNN with this configuration (Ctrl+R)</source>
        <translation>Ajuster l&apos;IMNN avec cette configuration (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="319"/>
        <source>Fix the configuration first: `%1`: %2</source>
        <translation>Corrigez d&apos;abord la configuration : `%1` : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="325"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="256"/>
        <location filename="../app/gui/main_window.cpp" line="357"/>
        <location filename="../app/gui/main_window.cpp" line="359"/>
        <location filename="../app/gui/main_window.cpp" line="414"/>
        <location filename="../app/gui/main_window.cpp" line="485"/>
        <location filename="../app/gui/main_window.cpp" line="494"/>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="366"/>
        <source>Stopping after the current iteration…</source>
        <translation>Arrêt après l&apos;itération en cours…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="375"/>
        <source>Pausing after the current iteration…</source>
        <translation>Pause après l’itération en cours…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="332"/>
        <location filename="../app/gui/main_window.cpp" line="389"/>
        <source>%v / %m iterations</source>
        <translation>%v / %m itérations</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="95"/>
        <source>Draws a dashed line at this det F on the history plot (e.g. the analytic det F = 50 of the Gaussian example); filled from the config key `expected_detF` unless you type your own</source>
        <translation>Trace une ligne pointillée à ce det F sur le graphique d’historique (p. ex. le det F analytique = 50 de l’exemple gaussien) ; rempli depuis la clé de configuration `expected_detF` sauf si vous saisissez votre propre valeur</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="241"/>
        <source>Open &amp;example</source>
        <translation>Ouvrir l’&amp;exemple</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="255"/>
        <source>Opened the example %1</source>
        <translation>Exemple %1 ouvert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="261"/>
        <source>(no examples found beside the executable)</source>
        <translation>(aucun exemple trouvé à côté de l’exécutable)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="393"/>
        <source>patience 0/%1</source>
        <translation>patience 0/%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="395"/>
        <source>Fitting → %1</source>
        <translation>Ajustement en cours → %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="396"/>
        <source>Fitting → %1
%2</source>
        <translation>Ajustement en cours → %1
%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="416"/>
        <source>Fit finished</source>
        <translation>Ajustement terminé</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="416"/>
        <source>Fit stopped with an error</source>
        <translation>Ajustement arrêté par une erreur</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="465"/>
        <source>Fisher forecast %1</source>
        <translation>Prévision de Fisher %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="467"/>
        <source>θ_fid</source>
        <translation>θ_fid</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="469"/>
        <source>cannot show the Fisher forecast of %1: %2</source>
        <translation>impossible d&apos;afficher la prévision de Fisher de %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="480"/>
        <source>Open a run configuration</source>
        <translation>Ouvrir une configuration d&apos;exécution</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="481"/>
        <location filename="../app/gui/main_window.cpp" line="490"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="484"/>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="489"/>
        <source>Save the run configuration</source>
        <translation>Enregistrer la configuration d&apos;exécution</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="496"/>
        <source>Saved %1; run it headless with: imnn fit %1</source>
        <translation>%1 enregistré ; lancez-le sans interface avec : imnn fit %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="501"/>
        <source>Folder holding run directories</source>
        <translation>Dossier contenant les exécutions</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="520"/>
        <source>A fit is running</source>
        <translation>Un ajustement est en cours</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="521"/>
        <source>Stop the fit and quit? The run is kept in %1.</source>
        <translation>Arrêter l&apos;ajustement et quitter ? L&apos;exécution est conservée dans %1.</translation>
    </message>
</context>
<context>
    <name>imnn::gui::PluginOptionsForm</name>
    <message>
        <location filename="../app/gui/plugin_options_form.cpp" line="120"/>
        <source>`%1`: %2 (an option of the %3 plugin; reference: the layers of its stax model)</source>
        <translation>`%1` : %2 (une option du plugin %3 ; référence : les couches de son modèle stax)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugin_options_form.cpp" line="121"/>
        <source>no description</source>
        <translation>pas de description</translation>
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
        <location filename="../app/gui/run_browser.cpp" line="417"/>
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
        <location filename="../app/gui/run_browser.cpp" line="434"/>
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
        <location filename="../app/gui/run_browser.cpp" line="415"/>
        <source>det F (training, kept)</source>
        <translation>det F (entraînement, conservé)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="416"/>
        <source>max det F (early stopping)</source>
        <translation>det F max (arrêt précoce)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="419"/>
        <source>kept: best iteration</source>
        <translation>conservée : meilleure itération</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="419"/>
        <source>kept: final weights</source>
        <translation>conservés : poids finaux</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="421"/>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="422"/>
        <source>iterations / s</source>
        <translation>itérations / s</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="425"/>
        <source>F (at the kept weights)</source>
        <translation>F (aux poids conservés)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="427"/>
        <source>F⁻¹</source>
        <translation>F⁻¹</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="432"/>
        <source>stopped with an error: %1</source>
        <translation>arrêtée par une erreur : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="437"/>
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
        <location filename="../app/gui/simulation_preview.cpp" line="25"/>
        <source>One simulation of the selected simulator at θ_fid: the fit&apos;s first training simulation (its seed derived from the config&apos;s seed). Redrawn when the simulator, its options, θ_fid or the seed change</source>
        <translation>Une simulation du simulateur choisi en θ_fid : la première simulation d’entraînement de l’ajustement (sa graine dérivée de celle de la configuration). Redessinée quand le simulateur, ses options, θ_fid ou la graine changent</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="32"/>
        <source>No simulation yet</source>
        <translation>Pas encore de simulation</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="60"/>
        <source>No simulator: the array modes fit arrays from files</source>
        <translation>Pas de simulateur : les modes tableaux ajustent des tableaux lus dans des fichiers</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="68"/>
        <location filename="../app/gui/simulation_preview.cpp" line="94"/>
        <source>No preview: %1</source>
        <translation>Pas d’aperçu : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="75"/>
        <source>No preview: no simulator plugin &quot;%1&quot;</source>
        <translation>Pas d’aperçu : pas de plugin de simulateur « %1 »</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="81"/>
        <source>No preview: θ_fid has %1 values, the simulator %2 parameters</source>
        <translation>Pas d’aperçu : θ_fid a %1 valeurs, le simulateur %2 paramètres</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="121"/>
        <source>one simulation, shape (%1), θ = (%2), seed %3</source>
        <translation>une simulation, forme (%1), θ = (%2), graine %3</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="138"/>
        <source>%1 (channel 0)</source>
        <translation>%1 (canal 0)</translation>
    </message>
    <message>
        <location filename="../app/gui/simulation_preview.cpp" line="154"/>
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
</TS>
