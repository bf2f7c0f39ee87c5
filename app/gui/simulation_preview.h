// What one simulation of the selected simulator looks like (the Fit tab): the first
// training simulation of a fit, i.e. seed derive_seed(seed, training, 0, 0) at θ_fid,
// drawn with QCustomPlot as a colour-map image for rank-2 inputs ((1, H, W) too; an
// (H, W, C) input shows channel 0) and as a line plot for rank-1 inputs. It is redrawn
// when the simulator, its options, θ_fid or the seed change, and says why when there is
// nothing to draw (array modes, an option the plugin refuses, an unknown plugin).
#pragma once

#include "imnn/nn.h"

#include <QWidget>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

class QCustomPlot;
class QCPColorMap;
class QCPGraph;
class QLabel;

namespace imnn {
class PluginRegistry;
}

namespace imnn::gui {

class SimulationPreview : public QWidget {
  Q_OBJECT
public:
  explicit SimulationPreview(std::shared_ptr<const PluginRegistry> registry,
                             QWidget *parent = nullptr);

  // Simulates with the config's simulator (a config JSON as the CLI reads it:
  // simulator.plugin and .options, theta_fid or the plugin's default, seed) and redraws,
  // unless nothing it depends on changed since the last call.
  void showConfig(const nlohmann::json &config);
  // Nothing to draw: the plot is emptied and `why` shown.
  void clear(const QString &why);

  // The simulation drawn (input_size() values, C order) and its shape; empty when none.
  const std::vector<double> &values() const { return values_; }
  const std::vector<Index> &shape() const { return shape_; }
  // The seed and θ it was simulated with.
  std::uint64_t simulationSeed() const { return simSeed_; }
  const std::vector<double> &theta() const { return theta_; }
  int redraws() const { return redraws_; } // simulations drawn so far
  QString caption() const;
  QCustomPlot *plot() const { return plot_; }
  QCPColorMap *colorMap() const { return map_; }
  QCPGraph *graph() const { return graph_; }

private:
  void draw();
  // Pads the longer screen direction's axis range so that image cells are square on
  // screen and the whole image shows (after each layout, so on every resize too).
  void keepCellsSquare();
  std::shared_ptr<const PluginRegistry> registry_;
  QCustomPlot *plot_;
  QCPColorMap *map_;
  QCPGraph *graph_;
  QLabel *caption_;
  std::string lastKey_; // what the drawn simulation depends on
  std::vector<double> values_, theta_;
  std::vector<Index> shape_;
  std::uint64_t simSeed_ = 0;
  Index imageH_ = 0, imageW_ = 0; // the image shown (0: none)
  int redraws_ = 0;
};

} // namespace imnn::gui
