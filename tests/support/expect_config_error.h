// Qt Test check shared by the engine tests: f() must throw imnn::ConfigError for `key`
// with a message containing every one of `parts`.
#pragma once

#include "imnn/error.h"

#include <QStringList>
#include <QtTest>
#include <functional>

inline void expect_config_error(const std::function<void()> &f, const QString &key,
                                const QStringList &parts) {
  try {
    f();
    QFAIL(qPrintable("no error; expected one for " + key));
  } catch (const imnn::ConfigError &e) {
    QCOMPARE(QString::fromStdString(e.key()), key);
    for (const auto &p : parts)
      QVERIFY2(QString(e.what()).contains(p), qPrintable("missing '" + p + "' in: " + e.what()));
  }
}
