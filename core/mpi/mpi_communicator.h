// The Open MPI Communicator (imnn/communicator.h), built with the CMake option
// IMNN_MPI into the imnn_mpi library that the command-line front end links; core/
// itself never includes mpi.h.
#pragma once

#include "imnn/communicator.h"

#include <memory>

namespace imnn {

// True when this process was started by an MPI launcher (mpirun, mpiexec, srun):
// then world() initialises MPI. A plain `imnn fit` never touches MPI.
bool launched_by_mpi();

// MPI_COMM_WORLD, with MPI initialised for calls from one thread at a time
// (MPI_THREAD_SERIALIZED: the fit calls it from its worker thread). MPI is finalised
// when the last reference goes. Throws imnn::Error when MPI cannot be initialised.
std::shared_ptr<Communicator> mpi_world(int *argc, char ***argv);

} // namespace imnn
