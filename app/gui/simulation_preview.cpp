#include "simulation_preview.h"

#include "imnn/plugins.h"
#include "imnn/seeds.h"

#include <QLabel>
#include <QVBoxLayout>
#include <exception>
#include <qcustomplot.h>

namespace imnn::gui {

SimulationPreview::SimulationPreview(std::shared_ptr<const PluginRegistry> registry,
                                     QWidget *parent)
    : QWidget(parent), registry_(std::move(registry)), plot_(new QCustomPlot),
      caption_(new QLabel) {
  setObjectName(QStringLiteral("simulationPreview"));
  map_ = new QCPColorMap(plot_->xAxis, plot_->yAxis);
  map_->setGradient(QCPColorGradient::gpThermal);
  map_->setInterpolate(false);
  graph_ = plot_->addGraph();
  connect(plot_, &QCustomPlot::afterLayout, this, &SimulationPreview::keepCellsSquare);
  plot_->setMinimumHeight(160);
  caption_->setObjectName(QStringLiteral("simulationPreviewCaption"));
  caption_->setWordWrap(true);
  setToolTip(tr("One simulation of the selected simulator at θ_fid: the fit's first training "
                "simulation (its seed derived from the config's seed). Redrawn when the "
                "simulator, its options, θ_fid or the seed change"));
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(caption_);
  layout->addWidget(plot_, 1);
  clear(tr("No simulation yet"));
}

QString SimulationPreview::caption() const {
  return caption_->text();
}

void SimulationPreview::clear(const QString &why) {
  lastKey_.clear();
  values_.clear();
  shape_.clear();
  theta_.clear();
  map_->data()->clear();
  map_->setVisible(false);
  graph_->data()->clear();
  graph_->setVisible(false);
  caption_->setText(why);
  plot_->replot();
}

void SimulationPreview::showConfig(const nlohmann::json &config) {
  std::string plugin;
  nlohmann::json options = nlohmann::json::object();
  std::uint64_t seed = 0;
  std::vector<double> theta;
  try {
    const auto sim = config.find("simulator");
    if (sim == config.end() || !sim->is_object() || !sim->contains("plugin")) {
      clear(tr("No simulator: the array modes fit arrays from files"));
      return;
    }
    plugin = sim->at("plugin").get<std::string>();
    if (sim->contains("options")) options = sim->at("options");
    if (config.contains("seed")) seed = config.at("seed").get<std::uint64_t>();
    if (config.contains("theta_fid")) theta = config.at("theta_fid").get<std::vector<double>>();
  } catch (const std::exception &e) {
    clear(tr("No preview: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  const std::string key = nlohmann::json{plugin, options, theta, seed}.dump();
  if (key == lastKey_) return;
  try {
    if (registry_->find_simulator(plugin) == nullptr) {
      clear(tr("No preview: no simulator plugin \"%1\"").arg(QString::fromStdString(plugin)));
      return;
    }
    const auto simulator = registry_->create_simulator(plugin, options);
    if (theta.empty()) theta = simulator->info().theta_fid;
    if (static_cast<Index>(theta.size()) != simulator->n_params()) {
      clear(tr("No preview: θ_fid has %1 values, the simulator %2 parameters")
                .arg(theta.size())
                .arg(simulator->n_params()));
      return;
    }
    std::vector<double> values(static_cast<std::size_t>(simulator->input_size()));
    const std::uint64_t s = derive_seed(seed, SeedStream::training, 0, 0);
    simulator->simulate(s, theta.data(), values.data());
    values_ = std::move(values);
    shape_ = simulator->input_shape();
    theta_ = theta;
    simSeed_ = s;
  } catch (const std::exception &e) {
    clear(tr("No preview: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  lastKey_ = key;
  draw();
}

void SimulationPreview::keepCellsSquare() {
  if (imageH_ <= 0 || imageW_ <= 0) return;
  const QRect r = plot_->axisRect()->rect();
  const auto w = double(imageW_), h = double(imageH_);
  double spanX = w, spanY = h; // in cells
  if (r.width() > 0 && r.height() > 0) {
    if (r.width() * h > r.height() * w)
      spanX = h * r.width() / r.height(); // wider than the image: pad left and right
    else
      spanY = w * r.height() / r.width(); // taller: pad above and below
  }
  const double cx = (w - 1) / 2, cy = (h - 1) / 2;
  plot_->xAxis->setRange(cx - spanX / 2, cx + spanX / 2);
  plot_->yAxis->setRange(cy - spanY / 2, cy + spanY / 2);
}

void SimulationPreview::draw() {
  // The image's height and width and the stride between its pixels (channel 0).
  Index h = 0, w = 0, step = 1;
  if (shape_.size() == 2) {
    h = shape_[0];
    w = shape_[1];
  } else if (shape_.size() == 3 && shape_[0] == 1) {
    h = shape_[1];
    w = shape_[2];
  } else if (shape_.size() == 3) {
    h = shape_[0];
    w = shape_[1];
    step = shape_[2];
  }
  QStringList dims;
  for (Index d : shape_)
    dims << QString::number(d);
  QStringList th;
  for (double t : theta_)
    th << QString::number(t, 'g', 4);
  const QString what = tr("one simulation, shape (%1), θ = (%2), seed %3")
                           .arg(dims.join(QStringLiteral(", ")), th.join(QStringLiteral(", ")))
                           .arg(simSeed_);
  if (h > 0 && w > 0) {
    graph_->setVisible(false);
    graph_->data()->clear();
    map_->setVisible(true);
    auto *cells = map_->data();
    cells->setSize(int(w), int(h));
    cells->setRange(QCPRange(0, double(w - 1)), QCPRange(0, double(h - 1)));
    // Row i of the array at the top, as an image is shown.
    for (Index i = 0; i < h; ++i)
      for (Index j = 0; j < w; ++j)
        cells->setCell(int(j), int(h - 1 - i), values_[std::size_t((i * w + j) * step)]);
    map_->rescaleDataRange(true);
    imageH_ = h;
    imageW_ = w;
    keepCellsSquare();
    caption_->setText(step > 1 ? tr("%1 (channel 0)").arg(what) : what);
  } else if (shape_.size() == 1) {
    imageH_ = imageW_ = 0;
    map_->setVisible(false);
    map_->data()->clear();
    graph_->setVisible(true);
    QVector<double> x(qsizetype(values_.size())), y(qsizetype(values_.size()));
    for (std::size_t i = 0; i < values_.size(); ++i) {
      x[qsizetype(i)] = double(i);
      y[qsizetype(i)] = values_[i];
    }
    graph_->setData(x, y, true);
    graph_->rescaleAxes();
    caption_->setText(what);
  } else {
    imageH_ = imageW_ = 0;
    map_->setVisible(false);
    graph_->setVisible(false);
    caption_->setText(tr("%1: no picture for inputs of rank %2").arg(what).arg(shape_.size()));
  }
  ++redraws_;
  plot_->replot();
}

} // namespace imnn::gui
