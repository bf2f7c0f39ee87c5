<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="39"/>
        <source>options</source>
        <translation>options</translation>
    </message>
</context>
<context>
    <name>imnn::gui::ConfigPanel</name>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="100"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="103"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="104"/>
        <source>`name`: the run directory is runs/&lt;name&gt;-&lt;date&gt;-&lt;time&gt; (no reference counterpart)</source>
        <translation>`name` : le dossier de l&apos;exécution est runs/&lt;name&gt;-&lt;date&gt;-&lt;heure&gt; (pas d&apos;équivalent dans la référence)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="109"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="110"/>
        <source>`mode`: how the derivatives dd/dθ are obtained (reference: the IMNN class — SimulatorIMNN, GradientIMNN, NumericalGradientIMNN …)</source>
        <translation>`mode` : comment les dérivées dd/dθ sont obtenues (référence : la classe IMNN — SimulatorIMNN, GradientIMNN, NumericalGradientIMNN …)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="114"/>
        <source>Simulator</source>
        <translation>Simulateur</translation>
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
        <translation>`simulator.plugin` (référence : SimulatorIMNN(simulator=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="122"/>
        <source>Options (JSON)</source>
        <translation>Options (JSON)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="123"/>
        <source>`simulator.options`: the plugin&apos;s options as a JSON object</source>
        <translation>`simulator.options` : les options du plugin, objet JSON</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="126"/>
        <source>parameter</source>
        <translation>paramètre</translation>
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
        <translation>prior min</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="126"/>
        <source>prior high</source>
        <translation>prior max</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="132"/>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="133"/>
        <source>`theta_fid` (reference: IMNN(θ_fid=…)) and `delta_theta` (reference: NumericalGradientIMNN(δθ=…)); the prior box comes from the plugin&apos;s descriptor</source>
        <translation>`theta_fid` (référence : IMNN(θ_fid=…)) et `delta_theta` (référence : NumericalGradientIMNN(δθ=…)) ; les bornes du prior viennent du descripteur du plugin</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="139"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="145"/>
        <source>`network.plugin` (reference: IMNN(model=stax.serial(…)))</source>
        <translation>`network.plugin` (référence : IMNN(model=stax.serial(…)))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="147"/>
        <source>Hidden widths</source>
        <translation>Largeurs cachées</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="148"/>
        <source>`network.options.hidden`: widths of the hidden layers, e.g. 128, 128, 128 (reference: stax.Dense(128) per layer)</source>
        <translation>`network.options.hidden` : largeurs des couches cachées, p. ex. 128, 128, 128 (référence : stax.Dense(128) par couche)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="153"/>
        <source>Activation</source>
        <translation>Activation</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="154"/>
        <source>`network.options.activation` (reference: stax.LeakyRelu, stax.Tanh …)</source>
        <translation>`network.options.activation` (référence : stax.LeakyRelu, stax.Tanh …)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="155"/>
        <source>auto (n_params)</source>
        <translation>auto (n_params)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="156"/>
        <source>n_summaries</source>
        <translation>n_summaries</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="157"/>
        <source>`n_summaries`: summaries the network outputs (reference: IMNN(n_summaries=…))</source>
        <translation>`n_summaries` : nombre de résumés produits par le réseau (référence : IMNN(n_summaries=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="160"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="163"/>
        <source>n_s</source>
        <translation>n_s</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="164"/>
        <source>`n_s`: simulations for the covariance (reference: IMNN(n_s=…))</source>
        <translation>`n_s` : simulations pour la covariance (référence : IMNN(n_s=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="166"/>
        <source>n_d</source>
        <translation>n_d</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="167"/>
        <source>`n_d`: simulations with derivatives, n_d ≤ n_s (reference: IMNN(n_d=…))</source>
        <translation>`n_d` : simulations avec dérivées, n_d ≤ n_s (référence : IMNN(n_d=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="170"/>
        <source>Optimiser</source>
        <translation>Optimiseur</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="171"/>
        <source>`optimiser.name` (reference: IMNN(optimiser=optax.adam(…)))</source>
        <translation>`optimiser.name` (référence : IMNN(optimiser=optax.adam(…)))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="173"/>
        <source>Learning rate</source>
        <translation>Taux d&apos;apprentissage</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="174"/>
        <source>`optimiser.learning_rate` (reference: optax.adam(learning_rate=1e-3))</source>
        <translation>`optimiser.learning_rate` (référence : optax.adam(learning_rate=1e-3))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="176"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="177"/>
        <source>`fit.lambda`: regulariser strength (reference: IMNN.fit(λ=10))</source>
        <translation>`fit.lambda` : force du régularisateur (référence : IMNN.fit(λ=10))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="179"/>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="180"/>
        <source>`fit.epsilon`: closeness of C to the identity (reference: IMNN.fit(ϵ=0.1))</source>
        <translation>`fit.epsilon` : proximité de C à l&apos;identité (référence : IMNN.fit(ϵ=0.1))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="182"/>
        <source>Patience</source>
        <translation>Patience</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="183"/>
        <source>`fit.patience`: iterations without improvement before stopping, counted after min_iterations (reference: IMNN.fit(patience=100))</source>
        <translation>`fit.patience` : itérations sans amélioration avant l&apos;arrêt, comptées après min_iterations (référence : IMNN.fit(patience=100))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="186"/>
        <source>Min iterations</source>
        <translation>Itérations min.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="187"/>
        <source>`fit.min_iterations` (reference: IMNN.fit(min_iterations=100))</source>
        <translation>`fit.min_iterations` (référence : IMNN.fit(min_iterations=100))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="189"/>
        <source>Max iterations</source>
        <translation>Itérations max.</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="190"/>
        <source>`fit.max_iterations` (reference: IMNN.fit(max_iterations=100000))</source>
        <translation>`fit.max_iterations` (référence : IMNN.fit(max_iterations=100000))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="192"/>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="193"/>
        <source>`seed`: one seed for the weights and every simulation (reference: IMNN(key=…) and IMNN.fit(rng=…))</source>
        <translation>`seed` : une graine pour les poids et chaque simulation (référence : IMNN(key=…) et IMNN.fit(rng=…))</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="195"/>
        <source>all cores</source>
        <translation>tous les cœurs</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="196"/>
        <source>CPU threads</source>
        <translation>Threads CPU</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="197"/>
        <source>`threads`: compute threads, 0 = all cores (reference: the JAX devices)</source>
        <translation>`threads` : threads de calcul, 0 = tous les cœurs (référence : les périphériques JAX)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="237"/>
        <source>a config must be a JSON object, got %1</source>
        <translation>une configuration doit être un objet JSON, reçu : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="289"/>
        <source>cannot open %1: %2; check the path</source>
        <translation>impossible d&apos;ouvrir %1 : %2 ; vérifiez le chemin</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="294"/>
        <source>%1 is not valid JSON; fix the syntax (the CLI reports the line: imnn fit %1)</source>
        <translation>%1 n&apos;est pas un JSON valide ; corrigez la syntaxe (la ligne de commande indique la ligne : imnn fit %1)</translation>
    </message>
    <message>
        <location filename="../app/gui/config_panel.cpp" line="304"/>
        <source>cannot write %1: %2; choose another folder</source>
        <translation>impossible d&apos;écrire %1 : %2 ; choisissez un autre dossier</translation>
    </message>
</context>
<context>
    <name>imnn::gui::CornerPlot</name>
    <message>
        <location filename="../app/gui/corner_plot.cpp" line="81"/>
        <source>No posterior yet: fit an IMNN or open a run</source>
        <translation>Pas encore de postérieure : ajustez un IMNN ou ouvrez une exécution</translation>
    </message>
</context>
<context>
    <name>imnn::gui::FitController</name>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="28"/>
        <source>a fit is already running; stop it first</source>
        <translation>un ajustement est déjà en cours ; arrêtez-le d&apos;abord</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="121"/>
        <source>The fit stopped: %1. The history so far is in %2</source>
        <translation>L&apos;ajustement s&apos;est arrêté : %1. L&apos;historique jusqu&apos;ici est dans %2</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="126"/>
        <source>det F = %1 (validation, kept %2 weights; training %3) after %4 iterations in %5 s, stopped by %6 → %7</source>
        <translation>det F = %1 (validation, poids %2 conservés ; entraînement %3) après %4 itérations en %5 s, arrêté par %6 → %7</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="129"/>
        <source>best</source>
        <translation>meilleurs</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="129"/>
        <source>final</source>
        <translation>derniers</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="134"/>
        <source>No iteration was run (%1) → %2</source>
        <translation>Aucune itération n&apos;a été effectuée (%1) → %2</translation>
    </message>
    <message>
        <location filename="../app/gui/fit_controller.cpp" line="139"/>
        <source>The result could not be written: %1</source>
        <translation>Le résultat n&apos;a pas pu être écrit : %1</translation>
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
        <translation>perte</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="49"/>
        <source>iteration</source>
        <translation>itération</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="53"/>
        <source>det F (training)</source>
        <translation>det F (entraînement)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="54"/>
        <source>det F (validation)</source>
        <translation>det F (validation)</translation>
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
        <translation>r (axe de droite)</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="66"/>
        <source>r</source>
        <translation>r</translation>
    </message>
    <message>
        <location filename="../app/gui/history_plot.cpp" line="114"/>
        <source>det F: %1</source>
        <translation>det F : %1</translation>
    </message>
</context>
<context>
    <name>imnn::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="65"/>
        <location filename="../app/gui/main_window.cpp" line="105"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="65"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="68"/>
        <source>IMNN Studio</source>
        <translation>IMNN Studio</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="75"/>
        <source>Fit the IMNN with this configuration (Ctrl+R); the run is written to the runs folder as `imnn fit` does</source>
        <translation>Ajuster l&apos;IMNN avec cette configuration (Ctrl+R) ; l&apos;exécution est écrite dans le dossier des exécutions comme par `imnn fit`</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="77"/>
        <source>Stop the fit after the current iteration; the run is kept</source>
        <translation>Arrêter l&apos;ajustement après l&apos;itération en cours ; l&apos;exécution est conservée</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="78"/>
        <source>e.g. 50</source>
        <translation>p. ex. 50</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="79"/>
        <source>Draws a dashed line at this det F on the history plot (e.g. the analytic det F = 50 of the Gaussian example)</source>
        <translation>Trace une ligne pointillée à ce det F sur l&apos;historique (p. ex. le det F = 50 analytique de l&apos;exemple gaussien)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="81"/>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="93"/>
        <source>Expected det F</source>
        <translation>det F attendu</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="106"/>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="109"/>
        <source>Export PNG / PDF…</source>
        <translation>Exporter en PNG / PDF…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="111"/>
        <source>Fisher forecast: the Gaussian approximation N(θ_fid, F⁻¹) of the last fit or opened run (ABC and PMC follow with the Infer panel)</source>
        <translation>Prévision de Fisher : l&apos;approximation gaussienne N(θ_fid, F⁻¹) du dernier ajustement ou de l&apos;exécution ouverte (ABC et PMC suivront avec le panneau d&apos;inférence)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="116"/>
        <source>Posterior</source>
        <translation>Postérieure</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="136"/>
        <source>patience counts after %1</source>
        <translation>la patience compte après %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="137"/>
        <source>patience %1/%2</source>
        <translation>patience %1/%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="159"/>
        <source>the built-in example gaussian_mean_variance.json was not found beside the executable (share/imnn-studio/examples); reinstall, or open a config with File ▸ Open</source>
        <translation>l&apos;exemple intégré gaussian_mean_variance.json est introuvable à côté de l&apos;exécutable (share/imnn-studio/examples) ; réinstallez, ou ouvrez une configuration avec Fichier ▸ Ouvrir</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="163"/>
        <source>error: %1; the built-in example is shown</source>
        <translation>erreur : %1 ; l&apos;exemple intégré est affiché</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="172"/>
        <source>No simulator plugin was found (Tools ▸ Plugins lists the folders searched and why files were skipped); pass --plugin-dir or set IMNN_PLUGIN_PATH</source>
        <translation>Aucun plugin de simulateur trouvé (Outils ▸ Plugins liste les dossiers parcourus et pourquoi des fichiers ont été ignorés) ; passez --plugin-dir ou définissez IMNN_PLUGIN_PATH</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="182"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="183"/>
        <source>&amp;Open config…</source>
        <translation>&amp;Ouvrir une configuration…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="185"/>
        <source>&amp;Save config as…</source>
        <translation>&amp;Enregistrer la configuration sous…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="187"/>
        <source>Open the Gaussian &amp;example</source>
        <translation>Ouvrir l&apos;&amp;exemple gaussien</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="191"/>
        <source>resources/examples/gaussian_mean_variance.json</source>
        <translation>resources/examples/gaussian_mean_variance.json</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="192"/>
        <source>Open &amp;runs folder…</source>
        <translation>Ouvrir le dossier des e&amp;xécutions…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="193"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="195"/>
        <source>&amp;Export corner plot…</source>
        <translation>E&amp;xporter le corner plot…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="196"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="198"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="201"/>
        <source>&amp;Run</source>
        <translation>E&amp;xécution</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="202"/>
        <source>&amp;Fit</source>
        <translation>&amp;Ajuster</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="203"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="204"/>
        <source>&amp;Stop</source>
        <translation>A&amp;rrêter</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="205"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="206"/>
        <source>&amp;Tools</source>
        <translation>O&amp;utils</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="207"/>
        <source>&amp;Plugins…</source>
        <translation>&amp;Plugins…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="208"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="211"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="222"/>
        <source>The language changes at the next start of IMNN Studio</source>
        <translation>La langue change au prochain démarrage d&apos;IMNN Studio</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="226"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="245"/>
        <source>Fit the IMNN with this configuration (Ctrl+R)</source>
        <translation>Ajuster l&apos;IMNN avec cette configuration (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="246"/>
        <source>Fix the configuration first: `%1`: %2</source>
        <translation>Corrigez d&apos;abord la configuration : `%1` : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="262"/>
        <location filename="../app/gui/main_window.cpp" line="264"/>
        <location filename="../app/gui/main_window.cpp" line="291"/>
        <location filename="../app/gui/main_window.cpp" line="346"/>
        <location filename="../app/gui/main_window.cpp" line="355"/>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="271"/>
        <source>Stopping after the current iteration…</source>
        <translation>Arrêt après l&apos;itération en cours…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="281"/>
        <source>%v / %m iterations</source>
        <translation>%v / %m itérations</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="284"/>
        <source>patience 0/%1</source>
        <translation>patience 0/%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="285"/>
        <source>Fitting → %1</source>
        <translation>Ajustement en cours → %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="292"/>
        <source>Fit finished</source>
        <translation>Ajustement terminé</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="292"/>
        <source>Fit stopped with an error</source>
        <translation>Ajustement arrêté par une erreur</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="328"/>
        <source>Fisher forecast %1</source>
        <translation>Prévision de Fisher %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="329"/>
        <source>θ_fid</source>
        <translation>θ_fid</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="331"/>
        <source>cannot show the Fisher forecast of %1: %2</source>
        <translation>impossible d&apos;afficher la prévision de Fisher de %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="342"/>
        <source>Open a run configuration</source>
        <translation>Ouvrir une configuration d&apos;exécution</translation>
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
        <translation>Enregistrer la configuration d&apos;exécution</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="357"/>
        <source>Saved %1; run it headless with: imnn fit %1</source>
        <translation>%1 enregistré ; lancez-le sans interface avec : imnn fit %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="362"/>
        <source>Folder holding run directories</source>
        <translation>Dossier contenant les exécutions</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="370"/>
        <source>Export the corner plot</source>
        <translation>Exporter le corner plot</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="371"/>
        <source>PNG (*.png);;PDF (*.pdf)</source>
        <translation>PNG (*.png);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="375"/>
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="376"/>
        <source>error: cannot write %1; choose another folder</source>
        <translation>erreur : impossible d&apos;écrire %1 ; choisissez un autre dossier</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="384"/>
        <source>A fit is running</source>
        <translation>Un ajustement est en cours</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="385"/>
        <source>Stop the fit and quit? The run is kept in %1.</source>
        <translation>Arrêter l&apos;ajustement et quitter ? L&apos;exécution est conservée dans %1.</translation>
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
        <translation>plugin</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="50"/>
        <source>details</source>
        <translation>détails</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="54"/>
        <source>Simulators (%1)</source>
        <translation>Simulateurs (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="57"/>
        <location filename="../app/gui/plugins_dialog.cpp" line="71"/>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="58"/>
        <location filename="../app/gui/plugins_dialog.cpp" line="72"/>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="59"/>
        <source>parameters</source>
        <translation>paramètres</translation>
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
        <translation>prior min</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="63"/>
        <source>prior high</source>
        <translation>prior max</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="64"/>
        <source>input shape</source>
        <translation>forme des données</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="65"/>
        <source>Jacobian</source>
        <translation>jacobienne</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="65"/>
        <source>yes (simulate_with_jacobian)</source>
        <translation>oui (simulate_with_jacobian)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="65"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="68"/>
        <source>Networks (%1)</source>
        <translation>Réseaux (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="76"/>
        <source>Skipped (%1)</source>
        <translation>Ignorés (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="76"/>
        <source>file or folder: reason</source>
        <translation>fichier ou dossier : raison</translation>
    </message>
    <message>
        <location filename="../app/gui/plugins_dialog.cpp" line="79"/>
        <source>Searched folders</source>
        <translation>Dossiers parcourus</translation>
    </message>
</context>
<context>
    <name>imnn::gui::RunBrowser</name>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="22"/>
        <source>Folder…</source>
        <translation>Dossier…</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="23"/>
        <source>Choose the folder whose run directories are listed (runs/ of the CLI)</source>
        <translation>Choisir le dossier dont les exécutions sont listées (runs/ de la ligne de commande)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="24"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="25"/>
        <source>Overlay selected</source>
        <translation>Superposer la sélection</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="26"/>
        <source>Select several runs (Ctrl+click) to overlay their det F on the open run&apos;s plot</source>
        <translation>Sélectionnez plusieurs exécutions (Ctrl+clic) pour superposer leur det F au graphique de l&apos;exécution ouverte</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="98"/>
        <source>%1 does not exist yet: runs appear here after the first fit</source>
        <translation>%1 n&apos;existe pas encore : les exécutions apparaissent ici après le premier ajustement</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="109"/>
        <source>finished: %1</source>
        <translation>terminée : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="110"/>
        <source>being written or interrupted: %1</source>
        <translation>en cours d&apos;écriture ou interrompue : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="124"/>
        <source>%1 has no history.csv: not a run directory of IMNN Studio (imnn fit writes one)</source>
        <translation>%1 n&apos;a pas de history.csv : ce n&apos;est pas une exécution d&apos;IMNN Studio (imnn fit en écrit une)</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="167"/>
        <source>%1: %2 iterations so far, following the run as it is written</source>
        <translation>%1 : %2 itérations jusqu&apos;ici, l&apos;exécution est suivie pendant son écriture</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="182"/>
        <source>stopped with an error: %1</source>
        <translation>arrêtée par une erreur : %1</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="184"/>
        <source>det F = %1 (validation), stopped by %2</source>
        <translation>det F = %1 (validation), arrêtée par %2</translation>
    </message>
    <message>
        <location filename="../app/gui/run_browser.cpp" line="187"/>
        <source>%1: %2 iterations, %3</source>
        <translation>%1 : %2 itérations, %3</translation>
    </message>
</context>
</TS>
