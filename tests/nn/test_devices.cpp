// Device discovery (imnn/devices.h): CPU cores always; GPUs through the dlopen()ed
// libimnn_cuda.so, or the reason there are none. Built as two tests: test_devices runs
// everywhere; test_cuda_devices (label cuda, only when libimnn_cuda.so is built) needs a
// GPU and skips with "no CUDA device: <reason>" without one.
#include "imnn/devices.h"

#include <QtTest>

class TestDevices : public QObject {
  Q_OBJECT
private slots:
  void lists_cpu_and_gpus_or_why_not() {
    const imnn::DeviceList d = imnn::list_devices();
    QVERIFY(d.cpu_threads >= 1);
    // Either GPUs, or a reason, never both or neither.
    QCOMPARE(d.gpus.empty(), !d.no_gpu_reason.empty());
#ifdef IMNN_CUDA_BUILT
    if (d.gpus.empty())
      QVERIFY2(d.no_gpu_reason.starts_with("no CUDA device: ") ||
                   d.no_gpu_reason.starts_with("cannot load libimnn_cuda.so"),
               d.no_gpu_reason.c_str());
#else
    QVERIFY2(d.no_gpu_reason.find("libimnn_cuda.so") != std::string::npos, d.no_gpu_reason.c_str());
#endif
  }

#ifdef IMNN_CUDA_DEVICE_TEST
  void each_gpu_is_described() {
    const imnn::DeviceList d = imnn::list_devices();
    if (d.gpus.empty()) QSKIP(d.no_gpu_reason.c_str());
    for (const auto &g : d.gpus) {
      QVERIFY(!g.name.empty());
      QVERIFY(g.memory_mib > 0);
      // CUDA 13 supports compute capability 7.5 and newer only.
      QVERIFY2(std::stod(g.compute_capability) >= 7.5, g.compute_capability.c_str());
    }
  }
#endif
};

QTEST_GUILESS_MAIN(TestDevices)
#include "test_devices.moc"
